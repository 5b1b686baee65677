// The built-in rules, in the rules-file format (see Rules.swift); `lectern rules`
// prints this text for users to copy and extend.

extension ParserRules {
    public static let defaultRulesText = ##"""
# Lectern text-parser rules.
#
# One rule per line:   KIND  PATTERN
#
# KIND     a boilerplate kind (one lowercase word: widget, share, advert, ...),
#          or a label: byline, date, image_credit, nav_previous, nav_next, tags,
#          comments_closed, heading, paragraph, ignored.
#          Kinds form, comments, author, credits and disclaimer also mark the
#          end of the article body (when no more body text follows them); kind
#          end ("###", "ENDS") always does.
# PATTERN  matched against a whole unit (a line or paragraph), ignoring case
#          (ASCII, Latin-1, Cyrillic and Greek letters):
#            *   any text, possibly empty       #   a number (12, 18,204, 1.5)
#            a space matches any run of white space; \* \# \\ match themselves.
#          Trailing spaces and . : ! | - » › → … of the unit are optional,
#          and so are the pattern's ("read more »" matches "Read more");
#          a ":" also matches " :" (French spacing) and the fullwidth "：".
#          Patterns are tried on units of at most 300 bytes, except a pattern
#          whose only * is its first character ("*read more"): it tests the end
#          of units of any length. Every further * makes a pattern slower to
#          try (the matcher backtracks over the unit): 48 patterns such as
#          "*. * */getty images" made a whole-corpus run 1.5 times slower.
#          Prefer one * where one will do.
# Values:  for nav_previous, nav_next, tags, byline, image_credit and date the
#          value is what the first * matched, or the whole unit when there is
#          no * or it matched nothing. An empty nav or tags value is taken from
#          the line(s) after it.
# Later files (--rules FILE) win over earlier ones and over these; within a
# file the first matching line wins. A "paragraph" or "heading" rule keeps a
# unit in the body. On HTML pages only the --rules files apply (not the
# built-in rules below), each to a block's whole text.

# --- widgets and page furniture
widget       play quizzes
widget       play quizzes #
widget       *quizzes #
widget       quiz
widget       quizzes
widget       stay connected
widget       # fans
widget       # followers
widget       # subscribers
widget       follow
widget       save
widget       save article
widget       saved
widget       gift this article
widget       give this article
widget       continue reading the main story
widget       show full article
widget       expand
widget       see more
widget       view more
widget       image
widget       enlarge this image
widget       toggle caption
widget       hide caption
widget       playback speed
widget       0:00
widget       #:#
widget       no posts to display
widget       loading
widget       load more
widget       show more
widget       skip to content
widget       skip to main content
widget       article content
widget       back to top
widget       menu
widget       search
widget       close
widget       home
widget       listen to this article
widget       listen to article
widget       # min read
widget       # minute read
widget       # mins read
widget       reading time*
widget       font size
widget       text size
widget       follow us
widget       follow us on *
widget       log in
widget       login
widget       sign in
widget       register
widget       take our quiz
widget       take the quiz
widget       watch
widget       watch now
widget       watch:*
widget       video
widget       photos
widget       gallery
widget       view gallery
widget       click here to *
widget       tap here to *
widget       (opens in new window)
widget       open in app
widget       get the app
widget       download the app
widget       image # of #
widget       photo # of #
widget       slide # of #
widget       # of #
widget       #:# am
widget       #:# pm
widget       #:#am
widget       #:#pm
widget       we use cookies*
widget       this site uses cookies*
widget       this website uses cookies*
widget       accept all cookies
widget       accept cookies
widget       accept all
widget       reject all
widget       cookie settings
widget       cookie policy
widget       manage cookies
widget       privacy policy
widget       privacy
widget       terms of use
widget       terms of service
widget       terms and conditions
widget       contact us
widget       about us
widget       sitemap
widget       site map
widget       accessibility
widget       careers
widget       advertise with us
widget       advertise
widget       print edition
widget       e-paper

# view counters and rating widgets (WordPress plugins and their kind)
widget       post views: #
widget       views: #
widget       # views
widget       rate this post
widget       no ratings yet
widget       (no ratings yet)
widget       noch keine bewertungen
widget       (noch keine bewertungen)

# reading times and listening widgets, in several languages
widget       estimated reading time*
widget       reading time:*
widget       read time:*
widget       # min
widget       # min.
widget       # mins
widget       # minutes
widget       # min listen
widget       listen
widget       listen to this story*
widget       text to speech
widget       lesezeit*
widget       # min. lesezeit
widget       temps de lecture*
widget       tiempo de lectura*
widget       tempo de leitura*
widget       tempo di lettura*
widget       lettura # min*
widget       leestijd*
widget       время чтения*
widget       وقت القراءة*
widget       पढ़ने का समय*
widget       member-only story
widget       download pdf*
widget       print this page
widget       translate this page
widget       gift article
widget       share article
widget       toggle navigation
widget       skip to navigation
widget       skip navigation
widget       accessibility links
widget       zum inhalt springen
widget       vai al contenuto
widget       pular para o conteúdo
widget       ir al contenido
widget       aller au contenu
widget       تخط إلى المحتوى*
widget       تخطَّ إلى المحتوى*
widget       मुख्य सामग्री पर जाएं*
widget       wir verwenden cookies*
widget       diese website verwendet cookies*
widget       questo sito utilizza cookie*
widget       este site usa cookies*
widget       este sitio utiliza cookies*
widget       ce site utilise des cookies*
widget       nous utilisons des cookies*
widget       نستخدم ملفات تعريف الارتباط*
widget       cookies on *
widget       we'd like to set *cookies*
widget       we’d like to set *cookies*
widget       accept * cookies
widget       reject * cookies
widget       view cookies
widget       alle akzeptieren
widget       accetta
widget       aceitar
widget       aceptar

# --- meta lines without a usable date ("Updated on" with the date missing)
meta         updated
meta         updated on
meta         published
meta         published on
meta         posted
meta         posted on
meta         last updated
meta         last updated on
meta         date
meta         # hours ago
meta         updated # * ago
meta         published # * ago
meta         # * ago
meta         # minutes ago
meta         # days ago
meta         an hour ago
meta         yesterday
meta         staff
meta         * staff
meta         staff reporter
meta         author of the article
meta         authors of the article
meta         article author
meta         staff writer
meta         from staff reports
meta         wire services
meta         news desk

# --- share bars (a run of these words on one line counts too)
share        share
share        share this
share        share this:
share        share this article
share        kindly share this article
share        please share this article
share        share this article:*
share        compartir
share        compartir a
share        compartir en
share        compartilhar
share        condividi
share        partager
share        partager sur *
share        teilen
share        delen
share        κοινοποίηση
share        κοινοποιήστε
share        kongsi
share        kongsi artikel
share        bagikan
share        bagikan artikel
share        поделиться
share        分享
share        share this story
share        share this post
share        share on *
share        share via *
share        share article
share        share story
share        shares
share        # shares
share        facebook
share        twitter
share        x
share        whatsapp
share        email
share        e-mail
share        mail
share        print
share        linkedin
share        pinterest
share        reddit
share        telegram
share        tumblr
share        messenger
share        flipboard
share        pocket
share        tweet
share        pin
share        pin it
share        copy link
share        copy url
share        link copied
share        tweet this
share        tweet this article
share        email this
share        email this article
share        print this article
share        print this page
share        share on facebook
share        share on twitter
share        click to share on *
share        click to email *
share        click to print*
share        *(opens in new window)
share        share this with *
share        teilen sie dies mit*
share        teile dies mit*
share        diesen artikel teilen*
share        diesen beitrag teilen*
share        beitrag teilen
share        jetzt teilen*
share        partager cet article*
share        partager :*
share        compartir esta noticia*
share        compartir este artículo*
share        condividi questo articolo*
share        udostępnij*
widget       like this
widget       like loading
widget       like
widget       be the first to like this
widget       # likes

# --- adverts
advert       advertisement
advert       advertisement #
advert       publicidade
advert       pubblicità
advert       iklan
advert       διαφήμιση
advert       publicitat
advert       anzeige
advert       advertisement - scroll to continue
advert       scroll to continue with content
advert       story continues below advertisement
advert       article continues below advertisement
advert       article continues below
advert       continue reading below
advert       story continues below
advert       ad
advert       ads
advert       advert
advert       sponsored
advert       sponsored content
advert       sponsored by *
advert       sponsored:*
advert       paid partnership*
advert       sponsored stories
advert       promoted
advert       promoted content
advert       paid content
advert       paid post
advert       partner content
advert       from our partners
advert       more from our partners
advert       ad feedback
advert       remove ads
advert       report this ad

# --- related links
related      related
related      related:*
related      related articles
related      related posts
related      related stories
related      related content
related      related coverage
related      related news
related      related reading
related      related topics
# (recommendation widgets under the story: Taboola, Outbrain)
related      sponsored links
related      promoted links
related      promoted stories
related      more for you
related      by taboola
related      around the web
related      you may like
related      also read*
related      also read:*
related      read also:*
related      read more:*
related      read:*
related      also read:*
related      most read in *
related      most read
related      διαβάστε επίσης:*
related      διαβάστε ακόμα:*
related      δείτε επίσης:*
related      δείτε ακόμα
related      δείτε ακόμα:*
related      τα πιο δημοφιλή
related      baca juga:*
related      baca juga*
related      berita berkaitan
related      berita lain
related      berita terkini
related      artikel berkaitan
related      llegiu també:*
related      llegeix també:*
related      més notícies
related      el més llegit
related      lees ook:*
related      lesen sie auch:*
related      lesen sie mehr:*
related      leia também:*
related      leggi anche:*
related      czytaj także:*
related      czytaj też:*
related      läs också:*
related      læs også:*
related      les også:*
related      lue myös:*
related      ayrıca bakınız:*
related      ayrıca okuyun:*
related      đọc thêm:*
related      baca selengkapnya:*
related      read more here:*
related      read next
related      read next:*
related      read this next
related      see also:*
related      see also
related      more:*
related      more on this story
related      more on this topic
related      more stories
related      most read
related      most popular
related      most viewed
related      most shared
related      popular posts
related      popular stories
related      trending
related      trending now
related      trending stories
related      latest news
related      latest posts
related      latest stories
related      latest articles
related      top stories
related      recent posts
related      recent articles
related      what's new
related      more news
related      more headlines
related      самое читаемое
related      популярное
related      热门文章
related      热门推荐
related      lo más leído
related      les plus lus
related      meistgelesen
related      more from *
related      recommended
related      recommended for you
related      recommended stories
related      recommended reading
related      recommended:*
related      you may also like
related      you might also like
related      you may be interested in
related      you might be interested in
related      das könnte dich auch interessieren*
related      das könnte sie auch interessieren*
related      das könnte ihnen auch gefallen*
related      das könnte dir auch gefallen*
related      das thema könnte dich auch interessieren*
related      dies könnte sie auch interessieren*
related      auch interessant*
related      schon gelesen?
related      ähnliche beiträge
related      ähnliche artikel
related      verwandte artikel
related      verwandte beiträge
related      weitere artikel*
related      weitere beiträge*
related      mehr zum thema*
related      mehr zu diesem thema*
related      lust auf mehr*
related      le puede interesar*
related      te puede interesar*
related      también te puede interesar*
related      vous aimerez aussi*
related      à lire aussi*
related      sur le même sujet*
related      potrebbe interessarti*
related      ti potrebbe interessare*
related      może cię zainteresować*
related      zobacz także*
related      zobacz też*
related      mirá también*
related      notas relacionadas
related      noticias relacionadas
related      otras noticias
related      verwandte themen
related      die meistgelesenen artikel
related      die meistgelesenen artikel *
related      meistgelesene artikel *
related      weitere interessante themen
related      weitere interessante artikel
related      lo más visto de *
related      lo más leído de *
related      les plus lus de *
related      most read from *
related      meistgelesene artikel
related      ezek is érdekelhetnek
related      entdecke weitere*
related      weitere nachrichten*
related      articles similaires
related      articoli correlati
related      don't miss
related      don't miss:*
related      don’t miss
related      don’t miss:*
related      must read:*
related      suggested:*
related      editor's picks
related      editor’s picks
related      what to read next
related      further reading
related      keep reading
related      in case you missed it
related      in case you missed it:*
related      related links
related      related experts
related      related publications
related      related articles:*
related      read more of this story*
related      read the full story at *
related      read the original *
related      more from *
related      recommended from *
related      see more recommendations
related      in other news
related      top stories
related      veja mais*
related      veja também*
related      mais lidas
related      più letti
related      i più letti
related      meistgelesene artikel
related      الأكثر قراءة
related      الأكثر مشاهدة
related      اقرأ أيضا:*
related      اقرأ أيضًا*
related      यह भी पढ़ें*
related      ताज़ा ख़बरें
related      ताजा खबरें
related      लेटेस्ट न्यूज़
related      और पढ़ें*

# --- newsletter prompts
newsletter   subscribe
newsletter   subscribe now
newsletter   subscribe to *
newsletter   subscribe for *
newsletter   subscribe:*
newsletter   newsletter abonnieren*
newsletter   jetzt newsletter abonnieren*
newsletter   suscribite a nuestro*
newsletter   suscríbete a nuestro*
newsletter   abonnez-vous à notre newsletter*
newsletter   hat ihnen dieser artikel gefallen*
newsletter   folgen sie uns auf*
newsletter   folge uns auf*
newsletter   sign up
newsletter   sign up now
newsletter   sign up for *newsletter*
newsletter   sign up for our *
newsletter   sign up to *newsletter*
newsletter   sign up to our *
newsletter   get our newsletter*
newsletter   join our newsletter*
newsletter   join our mailing list*
newsletter   our newsletter*
newsletter   newsletter
newsletter   newsletters
newsletter   newsletter sign-up
newsletter   newsletter signup
newsletter   enter your email*
newsletter   enter your e-mail*
newsletter   your email address
newsletter   get the latest * in your inbox*
newsletter   *delivered to your inbox*
newsletter   *straight to your inbox*
newsletter   by signing up, you agree*
newsletter   by subscribing, you agree*
newsletter   thank you for signing up*
newsletter   thanks for signing up*
newsletter   already a subscriber*
newsletter   subscribe to continue*
newsletter   subscribe to read*
newsletter   subscribe to unlock*
newsletter   to continue reading*
newsletter   continue reading with *
newsletter   this article is for subscribers*
newsletter   this content is for subscribers*
newsletter   create a free account*
newsletter   register to continue*
newsletter   become a member*
newsletter   support our journalism*
newsletter   *support independent journalism*
newsletter   support independent *
newsletter   support local journalism*
newsletter   become a member*
newsletter   sign up to receive *

newsletter   get the app*
newsletter   download the * app*
newsletter   give a gift subscription*
newsletter   get our *newsletter*
newsletter   get the *newsletter*
newsletter   get the * in your inbox*
newsletter   *sign up for our newsletter
newsletter   *sign up for our free newsletter
newsletter   *sign up for our newsletters
newsletter   *sign up here
newsletter   *sign up now
newsletter   *subscribe here
newsletter   *subscribe now
newsletter   *subscribe to our newsletter
newsletter   *newsletter sign-up

# --- inserted promos: a teaser paragraph ending in "Read More" (the teaser
# heading above it is found by the reader)
# (registration and paywall prompts end the visible story; before '*read more')
end          register to read more
end          register to continue reading
end          register now to read more
end          register for free to read more
end          sign in to read more
end          log in to read more
end          subscribe to read more
end          subscribe to continue reading
end          subscribe to read the full article
end          this article is for subscribers only
end          this content is for subscribers only
end          to continue reading this article*
end          create a free account to continue reading
end          abonnez-vous pour lire la suite
end          suscríbete para seguir leyendo
end          jetzt weiterlesen mit *
promo        read more
promo        read more »
promo        continue reading
promo        keep reading
promo        *read more
promo        *read more »
promo        *read more...
promo        *[read more]
promo        *(read more)
promo        *continue reading
promo        *read the full story
promo        *read full story
promo        *read full article
promo        *read the full article
promo        *[…]
promo        *[...]
promo        *(more…)
promo        *lire la suite
promo        *leer más
promo        *weiterlesen
promo        *continua a leggere
promo        *читать далее
promo        *阅读全文

# --- comment-thread furniture
form         sort by*
form         sort by:*
form         load more comments*
form         show more comments*
form         view more comments*
form         see all responses
form         sign in to comment*
form         log in to comment*
form         sign in or create *
form         log in or create *
form         sign in or register *
form         you must be signed in *
form         comments on this * are *moderated*
form         comments are *moderated*
form         melden sie sich an*
form         loggen sie sich ein*
form         accedi per commentare*
form         faça login para comentar*
form         connectez-vous pour commenter*
form         inicia sesión para comentar*
form         سجل الدخول للتعليق*
form         टिप्पणी करने के लिए लॉग इन करें*
comments     top comments
comments     all comments
comments     responses (#)
comments     # responses
comments     comments (#)
comments     تعليقات
comments     التعليقات
comments     टिप्पणियां
comments     टिप्पणियाँ

# --- comment forms and comment-section headers
form         leave a reply
form         leave a reply cancel reply
form         leave a comment
form         leave a comment cancel reply
form         post a comment
form         add a comment
form         cancel reply
form         reply
form         post comment
form         submit comment
form         submit
form         comment
form         comment \*
form         name \*
form         email \*
form         email address \*
form         website
form         your email address will not be published*
form         required fields are marked*
form         save my name, email, and website in this browser*
form         notify me of follow-up comments*
form         notify me of new posts*
form         notify me of new comments*
form         you must be logged in to post a comment*
form         um * kommentieren zu können, müssen sie eingeloggt sein*
form         log in to comment
form         log in to reply
form         this site uses akismet to reduce spam*
form         schreibe einen kommentar*
form         schreib einen kommentar*
form         hinterlasse einen kommentar*
form         hinterlasse eine antwort*
form         kommentar verfassen*
form         hinterlasse jetzt einen kommentar*
form         kommentar hinterlassen
form         e-mail adresse wird nicht veröffentlicht*
form         gib hier deinen kommentar ein*
form         trage deine daten unten ein*
form         du kommentierst mit deinem *
form         enter your comment here*
form         fill in your details below or click an icon to log in*
form         you are commenting using your *
form         kommentar schreiben
form         antworten abbrechen
form         antwort abbrechen
form         deine e-mail-adresse wird nicht veröffentlicht*
form         ihre e-mail-adresse wird nicht veröffentlicht*
form         erforderliche felder sind *markiert*
form         kommentar absenden
form         laisser un commentaire*
form         laisser une réponse*
form         annuler la réponse
form         votre adresse e-mail ne sera pas publiée*
form         votre adresse de messagerie ne sera pas publiée*
form         les champs obligatoires sont indiqués*
form         deja un comentario*
form         deja una respuesta*
form         cancelar respuesta
form         tu dirección de correo electrónico no será publicada*
form         los campos obligatorios están marcados*
form         lascia un commento*
form         lascia una risposta*
form         il tuo indirizzo email non sarà pubblicato*
form         deixe um comentário*
form         deixe uma resposta*
form         o seu endereço de e-mail não será publicado*
form         seu endereço de e-mail não será publicado*
form         dodaj komentarz*
form         twój adres e-mail nie zostanie opublikowany*
form         laat een reactie achter*
form         je e-mailadres wordt niet gepubliceerd*
comments     comments
comments     # comments
comments     # comment
comments     comments (#)
comments     comments #
comments     # reader comments
comments     view all comments
comments     see all comments
comments     load comments
comments     one comment
comments     no comments
comments     no comments yet
comments     # thoughts on *
comments     one thought on *
comments     # responses
comments     # responses to *
comments     one response to *
comments     # replies
comments     # replies to *
comments     # reply on *
comments     # replies on *
comments     # antworten auf *
comments     # antworten zu *
comments     eine antwort zu *
comments     # kommentare zu *
comments     ein kommentar zu *
comments     show comments
comments     view comments
comments     view # comments
comments     hide comments
comments     reader comments
comments     readers' comments
comments     join the discussion
comments     join the conversation
comments     kommentare
comments     # kommentare
comments     ein kommentar
comments     keine kommentare
comments     # gedanken zu *
comments     ein gedanke zu *
comments     commentaires
comments     # commentaires
comments     comentarios
comments     # comentarios
comments     commenti
comments     # commenti
comments     comentários
comments     # comentários
comments     komentarze
comments     # komentarzy
comments     reacties
comments     # reacties
comments_closed   comments are closed
comments_closed   comments are closed*
comments_closed   comments have been closed*
comments_closed   comments for this article are closed*
comments_closed   comments on this article are closed*
comments_closed   commenting is closed*
comments_closed   commenting has been closed*
comments_closed   comments closed
comments_closed   kommentare sind geschlossen*
comments_closed   die kommentarfunktion ist geschlossen*
comments_closed   les commentaires sont fermés*
comments_closed   los comentarios están cerrados*
comments_closed   i commenti sono chiusi*
author       about the author
author       about the writer
author       über den autor*
author       über die autorin*
author       à propos de l'auteur*
author       sobre el autor*
author       author
author       author bio
author       more articles by *
author       more from this author
author       view all posts by *
author       see all posts by *
author       all posts by *

# --- wire-service and agency credits at the end of a story
credits      — reporting by *
credits      – reporting by *
credits      - reporting by *
credits      -- reporting by *
credits      — additional reporting by *
credits      — editing by *
credits      our principles*
credits      *contributed to this report
credits      reporting by *
credits      (reporting by *
credits      additional reporting by *
credits      (additional reporting by *
credits      editing by *
credits      (editing by *
credits      writing by *
credits      (writing by *
credits      compiled by *
credits      edited by *
credits      our standards:*
credits      *trust principles
credits      purchase licensing rights*
credits      *licensing rights
credits      request reprint rights*
credits      reprints and permissions*
credits      copyright #*
credits      © #*
credits      (c) #*
credits      all rights reserved*
credits      *all rights reserved
credits      the associated press contributed to this report*
credits      associated press writer * contributed*
credits      this story has been corrected*
credits      editor's note:*
credits      editor’s note:*
credits      责任编辑:*
credits      编辑:*
credits      来源:*
credits      原标题:*
credits      本文来源:*
credits      (ap)
credits      (reuters)
credits      (afp)
credits      source:*
credits      sources:*
credits      quelle:*
credits      fuente:*
credits      fonte:*
credits      источник:*

# --- the end of a press release or wire copy (ends the body)
end          \#\#\#
end          \# \# \#
end          ends
end          - ends -
end          -ends-
end          -30-
end          - 30 -

# --- disclaimers and notices after the story
disclaimer   disclaimer:*
disclaimer   the views expressed *
disclaimer   the opinions expressed *
disclaimer   this article is for informational purposes only*
disclaimer   this content is for informational purposes only*
disclaimer   this article originally appeared *
disclaimer   this story originally appeared *
disclaimer   this article was originally published *
disclaimer   this story was originally published *
disclaimer   republish this article*
disclaimer   republish this story*
disclaimer   this work is licensed under *
disclaimer   this article is licensed under *
disclaimer   *licensed under a creative commons*
disclaimer   *licensed under creative commons*
disclaimer   *unter einer creative commons*
disclaimer   *sous licence creative commons*
disclaimer   *bajo una licencia creative commons*
disclaimer   materiał chroniony prawem autorskim*
disclaimer   this article appears in *
disclaimer   a version of this article appears *
disclaimer   this publication can be cited as*
disclaimer   cite this publication
disclaimer   cite this article
disclaimer   how to cite*
disclaimer   market data provided by *
disclaimer   *market data provided by *
disclaimer   data is a real-time snapshot*
disclaimer   quotes delayed *
disclaimer   to contact the reporter*
disclaimer   to contact the editor*
disclaimer   to contact the author*
disclaimer   — with assistance from *
disclaimer   -- with assistance from *
disclaimer   - with assistance from *
disclaimer   prices as of *market data*
disclaimer   report a typo*
disclaimer   report a problem*
disclaimer   report an error*
disclaimer   was this page helpful*
disclaimer   is this page useful*
disclaimer   was this article helpful*
disclaimer   did you find this helpful*
disclaimer   have a news tip*
disclaimer   got a news tip*
disclaimer   send us a tip*
disclaimer   powered by disqus
disclaimer   riproduzione riservata*
disclaimer   © riproduzione riservata*
disclaimer   todos os direitos reservados*
disclaimer   todos los derechos reservados*
disclaimer   tous droits réservés*
disclaimer   alle rechte vorbehalten*
disclaimer   جميع الحقوق محفوظة*
disclaimer   सर्वाधिकार सुरक्षित*

# --- article navigation
nav_previous previous article*
nav_previous previous post*
nav_previous previous story*
nav_previous previous:*
nav_previous previous
nav_previous prev article*
nav_previous prev post*
nav_previous « previous*
nav_previous ‹ previous*
nav_previous ← previous*
nav_previous < previous*
nav_previous older post*
nav_previous older article*
nav_previous vorheriger beitrag*
nav_previous vorheriger artikel*
nav_previous article précédent*
nav_previous artículo anterior*
nav_previous entrada anterior*
nav_previous articolo precedente*
nav_previous poprzedni artykuł*
nav_previous poprzedni wpis*
# WordPress's post navigation: "← Older post's title" (a list item too)
nav_previous ← *
nav_previous \* ← *
nav_next     next article*
nav_next     next post*
nav_next     next story*
nav_next     next:*
nav_next     next
nav_next     next »
nav_next     next ›
nav_next     next →
nav_next     newer post*
nav_next     newer article*
nav_next     up next:*
nav_next     nächster beitrag*
nav_next     nächster artikel*
nav_next     article suivant*
nav_next     artículo siguiente*
nav_next     entrada siguiente*
nav_next     articolo successivo*
nav_next     następny artykuł*
nav_next     następny wpis*

# --- tags
tags         tags:*
tags         tags
tags         topics
tags         related topics
tags         tag:*
tags         ετικέτες:*
tags         etiquetes:*
tags         etiquetas:*
tags         schlagwörter:*
tags         schlagworte:*
tags         étiquettes:*
tags         mots-clés:*
tags         parole chiave:*
tags         trefwoorden:*
tags         тэги:*
tags         теги:*
tags         標籤:*
tags         标签:*
tags         tagged:*
tags         tagged with:*
tags         tagged in:*
tags         topics:*
tags         keywords:*

# --- captions
caption      image caption, *
caption      image caption:*
caption      caption:*
caption      media caption, *
caption      video caption, *
caption      image caption*
caption      media caption*
caption      video caption *

# --- categories (not tags)
category     filed under:*
category     categories:*
category     category:*
category     posted in *
category     in "*"
category     in “*”
category     rubrique:*
category     rubrik:*
category     sección:*
category     рубрика:*
category     分类:*
category     栏目:*

# --- bylines (the name is checked: capitalised words, "and", particles)
byline       by *
byline       by:*
byline       written by:*
byline       written by *
byline       words by *
byline       story by *
byline       text by *
byline       posted by *
byline       author:*
byline       authors:*
byline       reporter:*
byline       par *
byline       texte:*
byline       por *
byline       von *
byline       text:*
byline       di *
byline       a cura di *
byline       door *
byline       автор:*
byline       автор *
byline       текст:*
byline       作者:*
byline       文:*
byline       记者:*
byline       記者:*
byline       撰文:*
byline       per *
byline       oleh *
byline       oleh:*
byline       penulis:*
byline       συντάκτης:*
byline       συντάκτρια:*
byline       συντάκτες:*
byline       autor:*
byline       autora:*
byline       autore:*
byline       auteur:*
byline       författare:*
byline       forfatter:*
byline       yazar:*
byline       tác giả:*

# --- image credits under the headline (value: who is credited)
image_credit photo:*
image_credit φωτογραφία:*
image_credit φωτο:*
image_credit φωτ.:*
image_credit foto:*
image_credit fotografia:*
image_credit fotografía:*
image_credit фото:*
image_credit photo credit:*
image_credit photograph:*
image_credit photography:*
image_credit photo by *
image_credit image:*
image_credit image credit:*
image_credit image by *
image_credit image source:*
image_credit images:*
image_credit credit:*
image_credit credits:*
image_credit picture:*
image_credit pictured:*
image_credit source image:*
image_credit featured image:*
image_credit header image:*
image_credit lead image:*
image_credit cover image:*
image_credit (photo by *)
image_credit (photo:*)
image_credit (photo credit:*)
image_credit (image:*)
image_credit (image by *)
image_credit (credit:*)
image_credit (photograph:*)
image_credit (foto:*)
image_credit (fotos:*)
image_credit (crédito:*)
image_credit (créditos:*)
image_credit (bild:*)
image_credit (© *)
image_credit (fot. *)
image_credit fot. *
image_credit photograph by *
image_credit illustration:*
image_credit illustration by *
image_credit graphic:*
image_credit image source, *
image_credit image source:*
image_credit image via *
image_credit photo via *
image_credit photo courtesy of *
image_credit image courtesy of *
image_credit courtesy of *
image_credit courtesy:*
image_credit pic:*
image_credit pictures:*
image_credit public domain
image_credit wikimedia commons
image_credit creative commons
image_credit getty images
image_credit shutterstock
image_credit istock
image_credit istockphoto
image_credit pixabay
image_credit unsplash
image_credit pexels
image_credit file photo
image_credit stock photo
credits      © *
credits      (c) *
image_credit representational image
image_credit representative image
# --- other languages: French, Spanish, Portuguese, Italian, German, Russian, Chinese
share        partager
share        partager sur *
share        partager cet article
share        compartir
share        compartir en *
share        compartir por *
share        compartilhar no *
share        compartilhe
share        condividi su *
share        auf facebook teilen
share        teilen auf *
share        поделиться в *
share        compartilhar
share        partilhar
share        condividi
share        teilen
share        artikel teilen
share        поделиться
share        分享
share        分享到*
advert       publicité
advert       publicite
advert       publicidad
advert       publicidade
advert       pubblicità
advert       anzeige
advert       werbung
advert       реклама
advert       广告
advert       विज्ञापन
advert       إعلان
advert       reklame
advert       廣告
related      lire aussi*
related      à lire aussi*
related      a lire aussi*
related      lire la suite*
related      voir aussi*
related      sur le même sujet*
related      lee también*
related      lea también*
# inline "read also" links set into a story, the headline after the colon
related      lea más:*
related      lea:*
related      puedes ver:*
related      lesen sie hier:*
related      lesen sie dazu:*
related      see more:*
related      leggi anche:*
related      leer más*
related      te puede interesar*
related      también te puede interesar*
related      noticias relacionadas*
related      leia também*
related      leia mais*
related      veja também*
related      leggi anche*
related      potrebbe interessarti*
related      lesen sie auch*
related      mehr zum thema*
related      auch interessant*
related      читайте также*
related      читайте также:*
related      смотрите также*
related      по теме*
related      相关阅读*
related      相关文章*
related      相关新闻*
related      延伸阅读*
related      související
related      související články*
related      čtěte také*
related      přečtěte si také*
related      súvisiace články*
related      čítajte tiež*
related      czytaj także*
related      czytaj też*
related      zobacz także*
related      zobacz też*
related      推荐阅读*
newsletter   abonnez-vous*
newsletter   inscrivez-vous*
newsletter   recevez notre newsletter*
newsletter   suscríbete*
newsletter   suscribete*
newsletter   suscríbase*
newsletter   recibe nuestro boletín*
newsletter   assine*
newsletter   inscreva-se*
newsletter   iscriviti*
newsletter   sign up for push alerts*
newsletter   get push alerts*
newsletter   turn on push notifications*
newsletter   enable push notifications*
newsletter   allow notifications*
form         *keep comments relevant and respectful*
form         *lively but civil forum*
form         *read our community guidelines*
form         *read our comment policy*
form         please read our comment policy*
newsletter   abonnieren sie*
newsletter   jetzt abonnieren*
newsletter   newsletter abonnieren*
newsletter   подпишитесь*
newsletter   подписывайтесь*
newsletter   подпишись*
newsletter   подписаться*
newsletter   订阅*
newsletter   关注我们*
meta         mis à jour*
meta         publié le
meta         publicado
meta         actualizado
meta         actualitzat*
meta         actualizado:*
meta         atualizado*
meta         aggiornato*
meta         dikemaskini*
meta         ενημερώθηκε*
meta         ενημέρωση:*
meta         bijgewerkt*
meta         обновлено:*
meta         veröffentlicht
meta         aktualisiert
meta         опубликовано
meta         обновлено
meta         发布时间
form         laisser un commentaire
form         réagir
form         deja un comentario
form         dejar un comentario
form         deixe um comentário
form         lascia un commento
form         kommentar schreiben
form         оставить комментарий
form         оставьте комментарий
form         发表评论
form         发表评论:*
comments     commentaires
comments     # commentaires
comments     comentarios
comments     # comentarios
comments     comentários
comments     # comentários
comments     commenti
comments     # commenti
comments     kommentare
comments     # kommentare
comments     комментарии
comments     # комментариев
comments     # комментария
comments     # комментарий
comments     комментарии (#)
comments     评论（#）
comments     评论(#)
comments     commentaires (#)
comments     comentarios (#)
comments     评论
comments     网友评论
comments     读者评论
comments     # 条评论
comments_closed   les commentaires sont fermés*
comments_closed   los comentarios están cerrados*
comments_closed   comentários encerrados*
comments_closed   i commenti sono chiusi*
comments_closed   kommentare sind geschlossen*
comments_closed   комментарии закрыты*
comments_closed   评论已关闭*
comments_closed   评论已关闭
author       à propos de l'auteur
author       à propos de l’auteur
author       sobre el autor
author       sobre o autor
author       über den autor
author       об авторе
author       关于作者
nav_previous article précédent*
nav_previous artículo anterior*
nav_previous entrada anterior*
nav_previous artigo anterior*
nav_previous articolo precedente*
nav_previous vorheriger artikel*
nav_previous предыдущая статья*
nav_previous предыдущая запись*
nav_previous 上一篇*
nav_next     article suivant*
nav_next     artículo siguiente*
nav_next     entrada siguiente*
nav_next     próximo artigo*
nav_next     articolo successivo*
nav_next     nächster artikel*
nav_next     следующая статья*
nav_next     следующая запись*
nav_next     下一篇*
tags         mots-clés:*
tags         mots clés:*
tags         étiquettes:*
tags         etiquetas:*
tags         temas:*
tags         schlagworte:*
tags         schlagwörter:*
tags         themen:*
tags         теги:*
tags         метки:*
tags         标签:*
tags         关键词:*
tags         標籤:*
image_credit photo :*
image_credit crédit photo:*
image_credit crédits photo:*
image_credit crédit photo :*
image_credit crédits photo :*
image_credit crédits photos :*
image_credit crédits photos:*
image_credit titelbild:*
image_credit titelfoto:*
image_credit aufmacherbild:*
image_credit foto:*
image_credit imagen:*
image_credit bild:*
image_credit фото:*
image_credit иллюстрация:*
image_credit 图片来源:*
image_credit 图:*
image_credit 图片:*
image_credit 摄影:*
# --- Japanese, Korean, Arabic, more European comment headers
share        シェア
share        シェアする
share        ツイート
share        ツイートする
share        はてなブックマーク
share        공유하기
share        공유
share        شارك
share        مشاركة
advert       広告
advert       スポンサーリンク
advert       광고
advert       إعلان
related      関連記事*
related      あわせて読みたい*
related      おすすめ記事*
related      관련기사*
related      관련 기사*
related      اقرأ أيضا*
related      اقرأ أيضاً*
comments     コメント
comments     コメント(#)
comments     댓글
comments     댓글 #
comments     kommentare (#)
comments     commenti (#)
comments     comentários (#)
comments     reacties
comments     # reacties
nav_previous 前の記事*
nav_previous 이전 기사*
nav_previous 이전글*
nav_next     次の記事*
nav_next     다음 기사*
nav_next     다음글*
tags         タグ:*
tags         태그:*
tags         키워드:*
byline       * 기자
byline       筆者:*
byline       著者:*
byline       執筆:*
byline       بقلم *
byline       بقلم:*
byline       كتب:*
byline       लेखक:*
byline       लेखक *
byline       रिपोर्ट:*
byline       commentary by *
byline       analysis by *
byline       opinion by *
byline       interview by *
byline       reported by *
byline       escrito por *
byline       scritto da *
byline       geschrieben von *
byline       von:*
byline       verfasst von *
byline       veröffentlicht von *
byline       erstellt von *
byline       publié par *
byline       publicado por *
byline       pubblicato da *
byline       gepost door *
byline       geschreven door *
byline       redação:*
# a label before "by": WordPress's screen-reader "Post author", "Ein Artikel von X"
byline       post author by *
byline       post author:*
byline       article by *
byline       an article by *
byline       guest post by *
byline       a guest post by *
byline       artikel von *
byline       ein artikel von *
byline       beitrag von *
byline       ein beitrag von *
byline       blogbeitrag von *
byline       gastbeitrag von *
byline       ein gastbeitrag von *
byline       ein kommentar von *
byline       kommentar von *
byline       eingestellt von *
byline       blog beitrag von *
byline       eine kolumne von *
byline       kolumne von *
byline       ein gastkommentar von *
byline       gastkommentar von *
byline       autor *
byline       autorin *
# a forum thread's first poster
byline       thread starter *
byline       themenstarter *
image_credit الصورة:*
image_credit صورة:*
image_credit تصوير:*
image_credit फोटो:*
image_credit फ़ोटो:*
image_credit तस्वीर:*
image_credit foto di *
image_credit foto de *
image_credit foto von *
image_credit photo de *
image_credit photo by *
image_credit bild von *
image_credit imagem:*
image_credit immagine:*
image_credit crédito:*
image_credit créditos:*
image_credit credito:*
tags         الوسوم:*
tags         وسوم:*
tags         टैग:*
tags         टैग्स:*
tags         tag:*
tags         tags:*
image_credit 写真:*
image_credit 사진:*
image_credit 사진=*
# --- calls to action and sponsor blocks: a block that opens with one of these
# (or holds two) is boilerplate as a whole (see Analysis.swift, labelBlocks)
advert       presented by *
advert       brought to you by *
advert       in partnership with *
advert       sponsor content
advert       sponsored post
cta          donate
cta          donate now
cta          donate today
cta          make a donation
cta          give monthly
cta          give once
cta          give now
cta          give today
cta          support our work
cta          learn more
cta          learn more →
cta          find out more
cta          try it free*
cta          shop now
cta          buy now
cta          get started
cta          swipe for more
cta          swipe
cta          scroll for more
cta          tap to expand
widget       send flowers
widget       plant a tree
widget       share this obituary
widget       full story
widget       print this story
widget       email this story

cta          faire un don
cta          je donne
cta          jetzt spenden
cta          spenden
cta          donar
cta          donar ahora
cta          dona ahora
cta          dona ora
cta          doe agora
advert       présenté par *
advert       presentado por *
advert       präsentiert von *
advert       gesponsert von *
advert       sponsorisé par *
advert       patrocinado por *
widget       # photos
widget       # images
widget       view gallery (# photos)
widget       view # photos
widget       order flowers
widget       plant trees
form         offer condolences
form         leave a condolence
form         send condolences
form         share a memory
form         light a candle
comments     condolences
comments     condolences (#)
comments     # condolences
comments     tributes
comments     # tributes

# --- science-news and press-release footers (they end the body)
disclaimer   pressekontakt:*
disclaimer   contact presse:*
disclaimer   contacto de prensa:*
disclaimer   contacto para medios:*
disclaimer   story source:*
disclaimer   materials provided by *
disclaimer   journal reference:*
disclaimer   journal references:*
disclaimer   cite this page:*
disclaimer   cite this article:*
disclaimer   media contact:*
disclaimer   media contacts:*
disclaimer   investor contact:*
disclaimer   investor contacts:*
disclaimer   press contact:*
disclaimer   press contacts:*
disclaimer   for more information, contact*
disclaimer   contact * at *@*
end          forward-looking statements
end          forward-looking statement
end          forward looking statements
end          cautionary note regarding forward-looking statements
end          safe harbor statement
end          safe harbor
meta         news provided by
meta         news provided by *
meta         press release
credits      copyright ©*
credits      copyright (c)*
credits      © * all rights reserved*

# --- obituaries and guest books
form         sign the guest book
form         sign guest book
form         view guest book
comments     guest book
comments     guest book (# entries)
comments     guest book (# entry)
comments     guestbook
comments     # guest book entries

# --- Turkish
byline       yazar:*
byline       muhabir:*
image_credit fotoğraf:*
image_credit foto:*
advert       reklam
related      ilgili haber:*
related      ilgili haberler*
related      bunlar da ilginizi çekebilir*
tags         etiketler:*
tags         anahtar kelimeler:*
share        paylaş
comments     yorumlar
comments     yorumlar (#)
comments     # yorum
form         yorum yazmak için *
form         yorum yap
form         tüm yorumları göster
form         yanıtla
form         beğen (#)*
meta         * # saat önce
meta         * # dakika önce
meta         * # gün önce
meta         * # hours ago
meta         * # minutes ago
meta         * # days ago
widget       sitemizde * çerez*
widget       çerez politikası
widget       çerezleri kabul et*
nav_previous önceki haber*
nav_next     sonraki haber*
# --- Dutch
related      lees ook*
related      lees ook:*
related      lees meer:*
related      ook interessant*
related      meer over dit onderwerp*
related      meest gelezen
related      meer nieuws
advert       advertentie
share        deel dit artikel
share        delen

# --- notes on how the story was made: translation, funding, transcripts
disclaimer   this story was translated from *
disclaimer   this article was translated from *
disclaimer   this story has been translated from *
disclaimer   this article has been translated from *
disclaimer   this story was produced with support from *
disclaimer   this story was produced in partnership with *
disclaimer   this article was produced with support from *
disclaimer   this article was produced in partnership with *
disclaimer   this reporting was supported by *
disclaimer   this transcript was generated automatically*
disclaimer   this transcript was automatically generated*
disclaimer   this transcript has been edited *
disclaimer   transcripts are generated automatically*
disclaimer   how we call races*
disclaimer   how ap calls races*
disclaimer   *earn an affiliate commission
disclaimer   when you buy through links on our site*
disclaimer   when you purchase through links on our site*
disclaimer   we may earn a commission *
contact      got a story?*
contact      have a story?*
contact      got a news tip?*
contact      have a news tip?*
contact      do you have a story*

# --- more languages: Nordic, Indonesian/Malay, Ukrainian, Polish, Czech, Hebrew, Hungarian,
# Romanian, Greek, Vietnamese. "Read also" links, adverts, share bars, channel prompts,
# typo prompts, bylines and the photographer's label.
related      läs också*
related      läs också:*
related      läs även:*
related      les også:*
related      les også*
related      læs også:*
related      læs også*
related      lue myös:*
related      lue myös*
related      baca juga*
related      baca juga:*
related      baca pula:*
related      simak juga:*
related      lihat juga:*
related      baca:*
related      читайте також*
related      читайте також:*
related      дивіться також:*
related      по темі:*
related      czytaj też:*
related      czytaj także:*
related      zobacz też:*
related      zobacz także:*
related      přečtěte si také:*
related      čtěte také:*
related      prečítajte si aj:*
related      olvassa el ezt is:*
related      citește și:*
related      citeste si:*
related      διαβάστε ακόμη:*
related      διαβάστε επίσης:*
related      đọc thêm:*
related      xem thêm:*
related      te puede interesar*
related      te puede interesar:*
related      también te puede interesar*
related      lee también:*
related      leé también:*
related      lea también:*
related      lees ook:*
related      lees ook*
related      lesen sie auch:*
related      lesen sie auch*
related      lire aussi:*
related      à lire aussi:*
related      leggi anche:*
related      leia também:*
related      קראו עוד:*
related      קראו גם:*
related      קרא עוד:*
related      קרא גם:*
related      עוד באתר:*
related      mest läst
related      mest lest
related      mest læst
related      luetuimmat
related      terpopuler
related      berita terkait
related      berita populer
related      berita terkini
related      artikel terkait
related      останні новини
related      популярне
related      найпопулярніше
related      más leídas
related      lo más visto
related      más noticias
related      más noticias de *
related      relacionadas
related      relacionados
related      najczęściej czytane
related      nejčtenější
related      הכי נקראים
advert       annons
advert       annonse
advert       reklame
advert       mainos
advert       iklan
advert       реклама
advert       פרסומת
advert       publicidad
advert       publicidade
advert       anuncio
advert       werbung
advert       anzeige
advert       publicité
advert       pubblicità
advert       reklama
advert       reklam
advert       advertentie
advert       hirdetés
advert       διαφήμιση
advert       quảng cáo
share        kindly share this story
share        kindly share this story:
share        please share this story
share        share this story:
share        dela
share        dela artikeln
share        del artikkelen
share        del artiklen
share        jaa
share        jaa artikkeli
share        kopiera länk
share        kopier lenke
share        kopiér link
share        bagikan
share        bagikan:
share        bagikan artikel
share        поділитися
share        поділитись
share        поделиться
share        שתפו
share        שתף
share        שיתוף
share        compartilhar
share        teilen
share        partager
share        condividi
share        udostępnij
share        sdílet
share        megosztás
share        distribuie
share        paylaş
share        chia sẻ
newsletter   stay informed:*whatsapp channel*
newsletter   stay informed:*telegram channel*
newsletter   stay updated:*whatsapp channel*
newsletter   join our whatsapp channel*
newsletter   join our telegram channel*
newsletter   join the * whatsapp channel*
newsletter   join the * telegram channel*
newsletter   follow us on whatsapp*
newsletter   follow us on telegram*
newsletter   subscribe to our telegram*
newsletter   subscribe to our whatsapp*
newsletter   підписуйтеся на наш telegram*
newsletter   підписуйтесь на наш telegram*
newsletter   підписуйтеся на наш телеграм*
newsletter   підписуйтеся на наш канал*
newsletter   подписывайтесь на наш telegram*
newsletter   подписывайтесь на наш телеграм*
newsletter   подписывайтесь на наш канал*
newsletter   simak berita*whatsapp channel*
newsletter   simak berita*saluran whatsapp*
newsletter   gabung ke whatsapp channel*
newsletter   gabung ke saluran whatsapp*
newsletter   följ oss på *
newsletter   síguenos en *
newsletter   suivez-nous sur *
newsletter   folgen sie uns auf *
disclaimer   помітили помилку?*
disclaimer   помітили помилку*
disclaimer   заметили ошибку?*
disclaimer   заметили ошибку*
disclaimer   нашли ошибку?*
disclaimer   found a typo?*
disclaimer   spotted a typo?*
disclaimer   spotted an error?*
disclaimer   found an error?*
disclaimer   виділіть її та натисніть ctrl+enter*
disclaimer   выделите * и нажмите ctrl+enter*
disclaimer   select it and press ctrl+enter*
byline       penulis:*
byline       reporter:*
byline       wartawan:*
byline       авторка:*
byline       автори:*
byline       автор матеріалу:*
byline       מאת *
byline       מאת:*
byline       כתב:*
byline       af *
byline       av *
byline       kirjoittaja:*
byline       tekst:*
byline       autor:*
byline       autorka:*
byline       szerző:*
byline       συντάκτης:*
image_credit foto:*
image_credit фото:*
image_credit צילום:*
image_credit צילום *
image_credit kuva:*
image_credit bild:*
image_credit zdjęcie:*
image_credit fotó:*
image_credit φωτογραφία:*
image_credit ảnh:*
credits      data analysis by *
credits      data analysis:*
credits      additional reporting by *
credits      graphics by *
newsletter   thanks for reading *subscribe*
newsletter   subscribe for free to receive new posts*
newsletter   thanks for reading! subscribe*
newsletter   tack för att du läser*prenumerera*
newsletter   gracias por leer*suscr*
newsletter   danke fürs lesen*abonn*
tags         תגיות:*
tags         תגיות
tags         taggar:*
tags         ämnen:*
tags         emneord:*
tags         emner:*
tags         tunnisteet:*
tags         aiheet:*
tags         tagi:*
tags         tematy:*
tags         štítky:*
tags         témata:*
tags         címkék:*
tags         etichete:*
tags         ετικέτες:*
tags         thẻ:*
tags         topik:*
tags         теми:*
tags         мітки:*
form         para comentar, ingresá*
form         para comentar, ingresa*
form         para comentar, iniciá sesión*
form         para comentar, inicia sesión*
form         para comentar, registrate*
form         para comentar debes *
form         ingresá para comentar*
form         ingresa para comentar*
form         registrate para comentar*
form         regístrate para comentar*
form         log in to leave a comment*
form         sign in to leave a comment*
form         logga in för att kommentera*
form         masuk untuk berkomentar*
form         увійдіть, щоб коментувати*
form         pour commenter, connectez-vous*
form         um zu kommentieren, melden sie sich*
form         per commentare, accedi*
related      לכתבות נוספות*
related      עוד במדור*
credits      כל הזכויות שמורות*
credits      alle rechte vorbehalten*
credits      todos los derechos reservados*
credits      tous droits réservés*
credits      усі права захищені*
credits      всі права захищені*
credits      hak cipta ©*
credits      hak cipta #*
# --- text11: labels under the story on trafilatura's tuning pages
# ("Related" boxes, newsletter and paywall calls, share calls)
related      auch lesen:*
related      siehe auch
related      artikel zum thema
related      weitere aktuelle themen*
related      empfohlen für dich
related      noticia relacionada*
related      seguir leyendo:
related      weitere inhalte zu *
related      top themen*
related      vedi anche*
newsletter   email newsletter
newsletter   sie wollen mehr von uns?
cta          möchten sie weiterlesen?
share        den artikel mit anderen teilen*
share        artikel gefallen?*
category     kategorie:*
related      beliebte artikel
related      contexto de la noticia
share        podziel się*
widget       empfohlener redaktioneller inhalt
nav          zurück zur vorherigen seite
related      *weitere beiträge zu diesem artikel
related      infórmate más
related      informate más
form         schon registriert? hier einloggen
form         e-mail (wird benötigt und nicht veröffentlicht)
widget       einen missbrauch melden
widget       zum shop
advert       affiliatelink
comments     no responses so far
comments     no response so far
# --- text12: more labels under the story on trafilatura's tuning pages
related      articles liés
related      articles en relation
related      saiba mais
related      diese artikel könnten dich*
related      diese artikel könnten sie*
related      mire: *
tags         related topics *
related      mehr kolumnen auf *
cta          sie lesen gern *
widget       search for articles and topics on *
nav          retour vers toutes les actualités
related      die beliebtesten produkte
comments     house rules
widget       feedback zu dieser seite geben
widget       suchergebnis weiter einschränken
credits      bloggen auf wordpress.com*
credits      blog at wordpress.com*
newsletter   um neue beiträge per e-mail zu erhalten*
cta          ausgabe kaufen
related      meist-diskutiert
category     filed under *
cta          wenn ihnen unser artikel gefallen hat*
form         ich akzeptiere die datenschutzbestimmungen*
cta          ja. ich bin abonnent*
cta          ja. ich benötige ein abo*
promo        die aktuelle ausgabe
share        * bloggern gefällt das:*
credits      originalpublikation*
cta          fanden sie diesen artikel nützlich?*
cta          bei fragen und anregungen zu diesem artikel*
widget       info zur bewertung
cta          instant access to the full article pdf*
cta          immediate online access to all issues*
form         name (pflichtfeld)*
widget       es gibt derzeit keine bevorstehenden veranstaltungen*
form         sie müssen sich einloggen, um *
tags         themen in diesem artikel
widget       tipp favorisieren
comments     dołącz do dyskusji*
nav          zurück zur startseite
credits      webdesign und alle inhalte*
"""##
}

// Word lists and header names the reader uses on real page dumps (Region.swift,
// Markdown.swift): data, not code.
extension ParserRules {
    /// Reader headers of Markdown scrapers (Jina Reader and the like) -> field.
    static let readerHeaderKeys: [(key: String, field: String)] = [
        ("Title:", "title"), ("URL Source:", "url"), ("Published Time:", "published"),
        ("Markdown Content:", "content"),
    ]

    /// Front matter keys (lowercase) -> field.
    static let frontMatterKeys: [String: String] = [
        "title": "title", "url": "url", "link": "url", "canonical": "url", "source": "url",
        "date": "published", "published": "published", "published_at": "published", "pubdate": "published",
    ]

    /// Kinds of boilerplate rule that only end a story (comment forms and headers,
    /// newsletter boxes, "The End", share bars): on a dump they are strong breaks
    /// in the prose region (Region.swift, cutRegionAtEnds).
    static let storyEndKinds: Set<String> = ["comments", "newsletter", "form", "end", "disclaimer", "cta", "share", "credits", "related"]

    /// First-person self-introductions that open an author's bio under the story
    /// ("Ich bin Steffi, ...", "Hi! My name is Florina ...", "I am a writer, ..."),
    /// followed by a name (a capital) or a role's article (`introArticles`); Region.swift,
    /// dropClosingBio. Lowercase.
    static let selfIntroductions: [[String]] = [
        "i am", "i'm", "i’m", "my name is", "ich bin", "ich heiße", "mein name ist", "je suis", "je m'appelle",
        "je m’appelle", "me llamo", "mi nombre es", "soy", "mi chiamo", "sono", "eu sou", "jestem", "ik ben",
    ].map { $0.split(separator: " ").map(String.init) }
    static let introArticles: Set<String> = ["a", "an", "ein", "eine", "un", "une", "una", "uno", "um", "uma", "een"]

    /// Cookie and privacy consent notices (Consent.swift): a unit with a topic word
    /// and an act word that speaks to the reader (or is short) is a notice. A
    /// trailing `*` makes a stem (the start of a word). Lowercase, except
    /// `consentReaderCased` (German "Sie", "Ihre": "sie" is "she" or "they").
    static let consentTopics = """
        cookie* ciasteczk* datenschutzerklärung* datenschutzeinstellung* datenschutzhinweis* datenschutzpräferenz*
        datenschutzbestimmung* datenschutzrichtlinie*
        """
    static let consentActs = """
        accept accepts accepted accepting allow consent* agree agreeing manage settings preferences reject decline opt-out customize customise
        akzeptier* zustimm* stimme stimmst einverstanden einwillig* zulassen ablehnen verwalten einstellung* widerruf* erlauben
        accepte* accepter acceptez consentement* paramétrer paramètres gérer refuser autoriser
        acepta* acepto consentimiento* configurar configuración rechazar gestionar permitir
        accett* consenso* rifiut* gestisci impostazioni
        aceit* consentimento* rejeitar gerir configurações
        akceptuj* zgod* ustawienia
        personalis* personaliz*
        """
    static let consentReader = """
        you your we our us du dein deine deinen deinem deiner dich dir ich wir uns unsere unserer unseren
        vous votre vos nous notre nos usted tu nosotros nuestra nuestro nuestros nuestras noi nostro nostra você nós nosso nossa
        """
    static let consentReaderCased = "Sie Ihre Ihr Ihnen Ihren Ihrem Ihrer"

    /// Function words: prose has many, menus, link lists and tickers few
    /// (jusText's stopword density). Lowercase; several languages.
    static let functionWords: Set<String> = Set("""
        a an the and or but if of to in on at by for with from as into about over after before than then that this these those
        is are was were be been being has have had do does did will would can could should may might must shall not no
        it its he she they we you i his her their our your my him them us me who whom which what when where why how
        there here so also just more most some any all each other such only very too up out one two
        le la les un une des du de et ou mais dans sur pour par avec que qui ne pas est sont il elle ils nous vous au aux
        el los las del y o pero en por con para que se es son lo una su sus al como más
        der die das ein eine und oder aber in im mit von zu auf für ist sind nicht sich dem den des auch es er sie wir
        il lo gli di da e che non è sono per con una nel della
        o os as um uma do da dos das em no na com não é são por para
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
