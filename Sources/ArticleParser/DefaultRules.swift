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
#          Kinds form, comments and author also mark the end of the article body.
# PATTERN  matched against a whole unit (a line or paragraph), ignoring ASCII case:
#            *   any text, possibly empty       #   a run of digits
#            a space matches any run of white space; \* \# \\ match themselves.
#          Trailing spaces and . : ! | - » › → … of the unit are optional.
#          Patterns are tried on units of at most 200 bytes, except a pattern
#          whose only * is its first character ("*read more"): it tests the end
#          of units of any length.
# Values:  for nav_previous, nav_next, tags, byline, image_credit and date the
#          value is what the first * matched when the pattern starts with fixed
#          text, else the whole unit. An empty nav or tags value is taken from
#          the next unit.
# Later files (--rules FILE) win over earlier ones and over these; within a
# file the first matching line wins. A "paragraph" or "heading" rule keeps a
# unit in the body.

# --- widgets and page furniture
widget       play quizzes
widget       play quizzes #
widget       no posts to display
widget       loading
widget       load more
widget       show more
widget       skip to content
widget       skip to main content
widget       back to top
widget       menu
widget       search
widget       close
widget       home
widget       trending
widget       trending now
widget       most popular
widget       most read
widget       popular posts
widget       latest news
widget       latest posts
widget       latest stories
widget       top stories
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
meta         # minutes ago
meta         # days ago
meta         an hour ago
meta         yesterday

# --- share bars (a run of these words on one line counts too)
share        share
share        share this
share        share this:
share        share this article
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

# --- adverts
advert       advertisement
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
advert       sponsored links
advert       sponsored stories
advert       promoted
advert       promoted content
advert       promoted stories
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
related      also read*
related      also read:*
related      read also:*
related      read more
related      read more:*
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

# --- newsletter prompts
newsletter   subscribe
newsletter   subscribe now
newsletter   subscribe to *
newsletter   subscribe for *
newsletter   subscribe:*
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

# --- inserted promos: a teaser paragraph ending in "Read More" (the teaser
# heading above it is found by the reader)
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
form         log in to comment
form         log in to reply
form         this site uses akismet to reduce spam*
comments     comments
comments     # comments
comments     # comment
comments     comments (#)
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
comments     show comments
comments     view comments
comments     view # comments
comments     hide comments
comments     reader comments
comments     readers' comments
comments     join the discussion
comments     join the conversation
comments_closed   comments are closed
comments_closed   comments are closed*
comments_closed   comments have been closed*
comments_closed   comments for this article are closed*
comments_closed   comments on this article are closed*
comments_closed   commenting is closed*
comments_closed   commenting has been closed*
comments_closed   comments closed
author       about the author
author       about the writer
author       author
author       author bio
author       more articles by *
author       more from this author
author       view all posts by *
author       see all posts by *
author       all posts by *

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

# --- tags
tags         tags:*
tags         tags
tags         tag:*
tags         tagged:*
tags         tagged with:*
tags         tagged in:*
tags         topics:*
tags         filed under:*
tags         keywords:*

# --- bylines (the name is checked: capitalised words, "and", particles)
byline       by *
byline       written by *
byline       words by *
byline       story by *
byline       text by *
byline       posted by *
byline       author:*
byline       authors:*
byline       reporter:*
byline       reporting by *

# --- image credits under the headline (value: who is credited)
image_credit photo:*
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
image_credit representational image
image_credit representative image
"""##
}
