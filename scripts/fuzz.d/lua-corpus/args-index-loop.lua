function setup(args) setmetatable(args, {__index = function() while true do end end}) local x = args.nope end
