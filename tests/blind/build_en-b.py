#!/usr/bin/env python3
"""Build the en-b blind test corpus: .eml files plus labels-en-b.csv (stdlib only, deterministic)."""
import csv
import hashlib
import html
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
ME = "en-b"

GMT = timezone(timedelta(0))
BST = timezone(timedelta(hours=1))
BST_START = datetime(2026, 3, 29, 1, 0)

PEOPLE = {
    # events
    "jo": ("Jo Marsh", "jo@jomarshevents.example"),
    "priya": ("Priya Shah", "priya.shah@harrowfinch.example"),
    "tom": ("Tom Reeve", "tom.reeve@harrowfinch.example"),
    # kitchen
    "dan": ("Dan Price", "dan@pricejoinery.example"),
    "rachel": ("Rachel Dunn", "rachel.dunn@dunnhome.example"),
    "mark": ("Mark Dunn", "mark.dunn@dunnhome.example"),
    # property
    "hannah": ("Hannah Cole", "hannah@colevaservices.example"),
    "graham": ("Graham Oakes", "graham@oakesproperty.example"),
    "sue": ("Sue Oakes", "sue.oakes@oakesproperty.example"),
    # strangers
    "skyline": ("Skyline Terrace Events", "events@skylineterrace.example"),
    "kdepot": ("Kitchen Depot Deliveries", "no-reply@kitchendepot.example"),
    "neighbour": ("Carol Hinds", "carol.hinds@postbox.example"),
    "jamie": ("Jamie Kowalski", "jamie.k@postbox.example"),
}

SIGS = {
    "priya": "Priya Shah\nOffice Manager | Harrow & Finch Ltd\n020 7946 0321",
    "tom": "Tom Reeve\nClient Relations Director\nHarrow & Finch Ltd | 12 Cannon Walk, London EC4",
    "rachel": "Rachel",
    "mark": "Cheers\nMark",
    "graham": "Graham Oakes\nOakes Property\n07700 900412",
    "sue": "Sue",
}

VA = {"en-events": "jo", "en-kitchen": "dan", "en-property": "hannah"}


def parse(d):
    dt = datetime.strptime(d, "%Y-%m-%d %H:%M")
    return dt.replace(tzinfo=BST if dt >= BST_START else GMT)


def M(date, who, subject, body, verdict, cats="", item="", note="", fmt="plain",
      sig=True, iphone=False, re=None, auto=False):
    return dict(date=date, who=who, subject=subject, body=body.strip("\n"), verdict=verdict,
                cats=cats, item=item, note=note, fmt=fmt, sig=sig, iphone=iphone, re=re, auto=auto)


def R(who, date, text, subject=None, style="gmail", to=None):
    """Quoted history: the earlier message (usually from the VA)."""
    return dict(who=who, date=date, text=text.strip("\n"), subject=subject, style=style, to=to)


# ---------------------------------------------------------------------------
# en-events: Jo Marsh, freelance event planner, for Harrow & Finch Ltd
# ---------------------------------------------------------------------------
EVENTS = [
    M("2026-01-06 09:41", "priya", "Kick-off: March client dinner", """
Hi Jo,

Lovely to meet you on Friday and thanks for sending the agreement over - signed copy attached.

First up is the client dinner on Thursday 19 March. We're looking at about 16 people, ideally a
private room within walking distance of Bank station. Could you start looking at venues and send
me your shortlist when you have one? Nothing too stuffy please, the MD hates white tablecloth places.

Thanks,
""", "in_scope", item="venues", note="venue shortlist for the March dinner, first event of three"),

    M("2026-01-09 14:05", "tom", "March dinner - a couple of things", """
Hi Jo,

Tom here - I look after the client relationships so I'll be your other contact. Priya filled me in.

The guests on the 19th are mostly finance people from our two biggest accounts. Whatever place you
pick, please make sure there's a decent wine list and a veggie main that isn't just mushroom risotto,
two of them are vegetarian and they always get risotto.

Best,
""", "in_scope", item="catering", note="wine list and vegetarian main = briefing the restaurant on the menu, catering liaison"),

    M("2026-01-14 11:22", "priya", "Re: March dinner shortlist", """
Option 2 (The Ledger Room) is perfect, the MD loved the photos. Please go ahead and hold the 19th with them.

Could you also find someone to do a floral centrepiece and some name cards styled in our brand
colours (navy and gold)? Tom thinks it'd make it feel a bit more special.

P
""", "out_of_scope", "excluded", "decor", "holding the venue is agreed, but floral centrepiece and styled name cards = decor/styling, excluded",
      re=R("jo", "2026-01-13 16:48", """
Hi Priya,

Here are three venues for the 19th, all private rooms for 14-20 people near Bank:
1. The Vaults at St Olave - vaulted cellar, set menu £85pp
2. The Ledger Room - private room above the bar, à la carte, £70-90pp
3. Dalloway's - chef's counter, tasting menu £110pp

Let me know which you like and I'll put a hold on the date.

Jo""", subject="March dinner shortlist")),

    M("2026-01-20 17:10", "priya", "Ledger Room - budget signed off", """
Hi Jo,

Just so you know, the MD approved the £2,400 budget for the March dinner this afternoon, and I signed
the Ledger Room contract and sent it back with the deposit paid from our account. So that's all done
on our side.

Speak soon,
""", "no_request", note="report of what the client did (budget approved, contract signed, deposit paid)", sig=False),

    M("2026-01-27 10:03", "tom", "invites for the 19th", """
Hi Jo

Here's who we'd like at the dinner - 16 names with emails below. Could you send the invitation out
this week and chase anyone who hasn't come back to you by 6 Feb?

- Helen Marsh, Hartwell Capital, h.marsh@hartwell.example
- Raj Patel, Hartwell Capital, r.patel@hartwell.example
- Claire Dunmore, Bellwether Group, cdunmore@bellwether.example
- ... (13 more in the attached sheet)

Thanks
""", "in_scope", item="invitations", note="send invites to 16 guests (under 20) and chase non-replies = invitations/RSVP"),

    M("2026-02-03 08:52", "tom", "Edinburgh guests", """
quick one - two of the Bellwether guests are coming down from Edinburgh for the dinner. could u book
them flights down on the 19th and a hotel near the venue for the night? back on the friday morning.
names + dob in the sheet Priya has.

T

Sent from my iPhone
""", "out_of_scope", "excluded", "guest-travel", "flights and hotel for guests = travel/accommodation, excluded", sig=False),

    M("2026-02-10 13:30", "priya", "Dietary requirements - 19 March", """
Hi Jo,

Replies are coming in nicely, thank you. Dietaries so far:
- 2 x vegetarian
- 1 x coeliac (strict)
- 1 x no shellfish

Could you pass these on to the Ledger Room and check whether they can do a gluten-free pudding that
isn't just a sorbet?

Thanks!
""", "in_scope", item="catering", note="pass dietary requirements to the restaurant = catering liaison", fmt="multi"),

    M("2026-02-12 07:15", "skyline", "Summer 2026 at Skyline Terrace - a few Fridays left!", """
Dear Event Planner,

Our rooftop terrace is now taking bookings for summer 2026. Only a handful of Friday evenings remain
in June and July. Capacity 80-220 standing, in-house catering and late licence to 1am.

Book a site visit today and receive a complimentary welcome drink for every guest.

Skyline Terrace Events | 1 Riverside Quay, London SE1
To unsubscribe, click here.
""", "unknown_sender", note="venue marketing newsletter, not a client contact", sig=False, fmt="html"),

    M("2026-02-17 15:44", "tom", "Re: invites for the 19th", """
Hi Jo, the MD wants to add two more from Hartwell - Simon Clegg (s.clegg@hartwell.example) and
Anita Rowe (a.rowe@hartwell.example). That takes us to 18 I think. Can you send them the invite too
and let the restaurant know?

Cheers
""", "in_scope", item="invitations", note="two extra invites taking the dinner to 18, still within 20 per dinner", sig=False,
      re=R("jo", "2026-02-16 09:20", """
Hi Tom,

Quick update: 14 of 16 have said yes, 2 still to reply (I chased them this morning).

Jo""", subject="invites for the 19th")),

    M("2026-02-24 12:18", "priya", "Run of show for the dinner", """
Hi Jo,

The MD is putting his board pack together and would like the run-of-show for the 19 March dinner to
go in it. Could you send it over by this Friday (27th)? I know that's earlier than we said, sorry.

Thanks,
""", "out_of_scope", "deadline", "runofshow", "run-of-show wanted 27 Feb instead of one week before the 19 March event = earlier deadline"),

    M("2026-03-03 10:26", "priya", "Summer party - let's get going", """
Hi Jo,

With the dinner nearly sorted, time to think about the big one. Summer party is Friday 26 June,
about 150 people, staff plus clients. We'd love somewhere outdoors - a rooftop or a garden - in
zone 1 or 2, with a fallback if it rains (it will).

Can you put a shortlist together for us?

Thanks,
""", "in_scope", item="venues", note="venue shortlist for the summer party, third agreed event", fmt="multi"),

    M("2026-03-09 16:02", "tom", "photos at the dinner?", """
Hi Jo,

Do you know anyone who could come along on the 19th for an hour and get a few shots of the MD with
the clients? Nothing fancy, it's just for LinkedIn. Could you book someone?

Thanks
""", "out_of_scope", "excluded", "photography", "booking a photographer for the dinner = photography, excluded"),

    M("2026-03-12 09:37", "priya", "Re: Run-of-show - 19 March", """
Thanks Jo, this looks great.

One tweak: can the MD's welcome move from 7.15 to just after the starters? He says people are still
finding their seats at 7.15. Everything else is fine.

P
""", "in_scope", item="runofshow", note="moving the welcome speech in the evening's timings = run-of-show change", sig=False,
      re=R("jo", "2026-03-12 08:02", """
Hi Priya,

Attached the run-of-show for next Thursday:
18:30 arrivals & drinks
19:15 welcome from the MD
19:30 starters
...

Jo""", subject="Run-of-show - 19 March", style="outlook", to="priya")),

    M("2026-03-20 10:12", "tom", "last night", """
Jo - last night was brilliant, thank you. Hartwell were over the moon and Claire from Bellwether has
already emailed asking when the next one is. Could you believe the MD actually stayed for the cheese?
First time ever.

Thanks again 🙌
""", "no_request", note="thanks and news; 'could you believe' is not a request"),

    M("2026-03-25 14:40", "priya", "Summer party venues", """
Hi Jo,

We've been through the three options. Skyline Terrace is out (too windy), but we like the Orangery
in Holland Park and the Garden Room at Marlowe House.

Can you set up site visits at both for next week? Tuesday or Thursday afternoon is best for me.

Also - the Orangery say they'll only hold 26 June until Friday without a £1,500 deposit. Could you pay
it on your card and just add it to your invoice? Our finance team will take two weeks to get a
payment out and we can't lose the date.

Thanks,
""", "out_of_scope", "client_duty", "budget", "site visits are agreed, but paying the venue deposit = client pays deposits directly"),

    M("2026-04-01 11:05", "tom", "May dinner", """
Hi Jo,

For the May dinner (21st) the MD fancies something more intimate - a chef's table, maybe 12 people,
somewhere around Mayfair or St James's. Any ideas? Could you find us two or three?

Tom
""", "in_scope", item="venues", note="venue options for the May dinner, second of the three events", sig=False),

    M("2026-04-07 09:58", "priya", "party guest list", """
Hi Jo,

Bit of a cheeky one. I'm drowning this month - could you put the party guest list together for us?
Everyone on the staff directory (it's on the intranet, I'll get you a login) plus the top 80 clients
from the sales team's list in Salesforce. You'd need to check with each account manager who they
want to invite.

Let me know if that's ok,
""", "out_of_scope", "client_duty", "guest-list", "compiling the guest list from staff directory and CRM = client supplies the guest list"),

    M("2026-04-14 15:20", "priya", "Orangery confirmed!", """
Hi Jo,

The Orangery it is! Contract signed and the deposit went out from finance yesterday.

Next step: catering. The Orangery has three approved caterers (list attached). Could you get menus
and prices from each for a relaxed summer buffet / BBQ style for 150, with a couple of veggie and
vegan options?

Thanks so much,
""", "in_scope", item="catering", note="get menus and prices from the venue's caterers = catering liaison", fmt="html"),

    M("2026-04-21 12:47", "tom", "party invites - can we go early?", """
Hi Jo,

The MD is worried people will book holidays. Can we send the party invitations out next Monday
(27 April) rather than waiting until mid-May?

Thanks
""", "out_of_scope", "deadline", "invitations", "party invitations wanted 27 April instead of the week of 11 May = earlier deadline"),

    M("2026-04-24 17:32", "priya", "Guest list - summer party", """
Hi Jo,

Here it is, as promised (attached). I'm afraid it's grown - 172 names in the end, everyone wanted
to add people and the MD said yes to all of them. Please send the invites to everyone on it.

Have a good weekend!
""", "out_of_scope", "quantity", "invitations", "172 guests for the party, agreed up to 150 = over the limit"),

    M("2026-04-29 10:15", "tom", "DJ?", """
Morning Jo,

Do you know any good DJs? Could you book one for the party - 8pm til close, bit of 80s, bit of
current stuff, nothing too cheesy. Happy to go up to about £800.

Tom
""", "out_of_scope", "new_work", "", "booking entertainment (DJ) is neither agreed nor excluded = new work", sig=False),

    M("2026-05-05 13:12", "priya", "Re: Guest list - summer party", """
Hi Jo, good news - we've trimmed it to 148, new version attached.

Sending on the 12th as planned is fine. Could you add a line about dress code (summer smart casual)
to the invite, and send a reminder a week before the RSVP date to anyone who hasn't replied?

Thanks,
""", "in_scope", item="invitations", note="148 guests (within 150), invites on the planned date, dress code line and reminder = invitations", fmt="multi",
      re=R("jo", "2026-04-27 09:10", """
Hi Priya,

Thanks for the list. Just a flag that our agreement covers up to 150 guests for the party,
so 172 would be extra. Happy to quote for it, or if you can trim it down I'll go ahead as planned.

Jo""", subject="Guest list - summer party")),

    M("2026-05-12 08:00", "tom", "Automatic reply: party invite test", """
Thank you for your email. I am out of the office until Monday 18 May with limited access to email.
For anything urgent please contact Priya Shah on priya.shah@harrowfinch.example.

Tom Reeve
""", "no_request", note="out-of-office auto-reply", sig=False, auto=True),

    M("2026-05-18 16:25", "priya", "May dinner - final numbers", """
Hi Jo,

Final numbers for Thursday are 11 - Marcus has dropped out, sorry. Could you let the restaurant know?
And ask if they can do a non-alcoholic pairing for two of the guests rather than the wine flight.

Thanks!

Sent from my iPhone
""", "in_scope", item="catering", note="final numbers and a non-alcoholic pairing to the restaurant = catering liaison", sig=False),

    M("2026-05-22 11:48", "tom", "Thursday + one more?", """
Jo,

Thursday was another triumph - thank you. The MD has caught the bug: he wants a third client dinner
in September, same sort of format, maybe 16 people. Could you start looking at venues for that now
so we can get a date in?

Tom
""", "out_of_scope", "quantity", "venues", "a fourth event (September dinner) on top of the three agreed events", sig=False),

    M("2026-05-28 14:03", "priya", "Party update - catering + timings", """
Hi Jo,

A few things after our call:

Catering - we're going with Green & Fig. Please confirm with them and send over the dietary list from
the RSVPs.

Timings - the MD would rather do speeches at 8.30 than 9, while people are still sober enough to listen.
Can you shuffle the plan around that?

Budget - I've updated our internal numbers, will send in a bit.

Thanks,
""", "in_scope", item="catering;runofshow", note="confirm caterer and send dietaries; move the speeches earlier in the evening plan = run-of-show"),

    M("2026-06-04 10:30", "tom", "goody bags + backdrop", """
Hi Jo,

Two ideas from the marketing team for the party:
1) branded goody bags for every guest - tote, water bottle, sunglasses, that kind of thing. Could you
   source them, get them printed and have them packed ready on the night?
2) a big backdrop with our logo by the entrance that people can take selfies in front of. Could you
   get that made and put up?

Let me know what you think. Budget is fine for both.

Tom
""", "out_of_scope", "new_work;excluded", "decor", "goody bags = new work; logo backdrop = decor/backdrops, excluded", sig=False),

    M("2026-06-15 09:14", "priya", "Run of show for Friday week", """
Morning Jo,

Just checking - you'll send the party run-of-show on Friday (19th) as planned? Could you make sure it
includes set-up times for Green & Fig and the bar people, and when the Orangery needs us out by?

Thanks,
""", "in_scope", item="runofshow", note="run-of-show on 19 June = exactly one week before 26 June; adding set-up times is part of it"),

    M("2026-06-22 18:05", "priya", "Friday - going later!", """
Hi Jo,

Heads up: the MD has extended the booking so the party now goes on until 1am, not 11pm. Could you stay
and run things right through to the end? So you'd be on site from the 1pm set-up until 1am.

Hope that's ok - I know it's a long day!
""", "out_of_scope", "quantity", "runofshow", "on site 1pm-1am = 12 hours, agreed up to 10 hours per event"),

    M("2026-06-29 11:20", "tom", "THANK YOU", """
Jo,

What a night. Everyone is still talking about it. The MD asked me to pass on a huge thank you.

No need to send round the feedback survey we talked about - HR did one internally this morning.
And if we do a Christmas party this year you'll be the first person we call!

Best,
""", "no_request", note="thanks; 'no need to send the survey' cancels work; Christmas party is hypothetical"),
]

# ---------------------------------------------------------------------------
# en-kitchen: Dan Price, kitchen fitter, for Rachel and Mark Dunn
# ---------------------------------------------------------------------------
KITCHEN = [
    M("2026-01-07 19:45", "rachel", "Kitchen - we're on!", """
Hi Dan,

Thanks for the quote, we're really happy with it and want to go ahead at £240 a day. The units are
ordered from Kitchen Depot and delivery is booked for 25 Feb, so we're all set for 2 March.

Can't wait!
""", "no_request", note="acceptance of the quote and news about the delivery, nothing to do"),

    M("2026-01-13 20:31", "mark", "corner unit", """
Hi Dan, Mark here (Rachel's other half).

Been looking at the plan - the corner base unit by the back door looks like it'll clash with the
radiator. If it does, can you just shift it along 10cm or so when you fit it? The filler panel should
cover the gap.
""", "in_scope", item="units", note="positioning a base unit during the fit = fitting units"),

    M("2026-01-20 18:02", "rachel", "tiles chosen", """
Hi Dan,

We've gone for the green zellige tiles for the splashback - about 3.2 square metres by my maths.
Could you lay them in a brick pattern rather than stacked? I've attached a photo of the look we like.

Thanks
""", "in_scope", item="splashback", note="laying the splashback tiles (3.2 m2, under 4) in a brick pattern", fmt="multi"),

    M("2026-01-27 21:14", "rachel", "sink position", """
Hi Dan,

Silly question maybe, but while everything's out could you move the sink to under the window? It's
only about two metres along. The pipes would need to go along the back wall behind the units I guess.

R
""", "out_of_scope", "excluded", "plumbing", "moving the sink and its pipes = plumbing moves, excluded", sig=False),

    M("2026-02-03 19:20", "mark", "worktop", """
Dan,

We've gone for the oak-effect laminate, 3 lengths like you said. Could the joint go on the left of the
sink rather than right next to the hob? Rachel's worried about heat near the join.
""", "in_scope", item="worktop", note="position of the worktop joint, 3 lengths as agreed"),

    M("2026-02-10 12:50", "rachel", "Kitchen Depot website...", """
Hi Dan,

Their website is honestly a nightmare and we still haven't ordered the worktops and handles. Could you
just order them for us? You know the measurements far better than we do - we'll pay you back straight
away.

Thanks 🙏
""", "out_of_scope", "client_duty", "units-supply", "ordering worktops and handles = client orders and supplies from Kitchen Depot"),

    M("2026-02-16 08:15", "mark", "finish date", """
Morning Dan, quick one - my mum's coming to stay from the 12th. Any chance you could have it all
finished by Wednesday 11th rather than the Friday?

Sent from my iPhone
""", "out_of_scope", "deadline", "units", "fit to be finished 11 March instead of the agreed 13 March = earlier deadline", sig=False),

    M("2026-02-19 20:40", "rachel", "grout + silicone", """
Hi Dan, we'd like a mid-grey grout with the green tiles, and white silicone along the worktop and
round the sink please. Hope that's ok!

Rachel
""", "in_scope", item="splashback", note="grout and silicone colour for the splashback, phrased as a preference", sig=False),

    M("2026-02-20 06:02", "kdepot", "Your delivery is confirmed - order KD-448210", """
Hello,

Your Kitchen Depot delivery for order KD-448210 is confirmed for Wednesday 25 February between
7am and 1pm. Please ensure someone over 18 is available to sign for the goods.

Track your order at kitchendepot.example/track

Kitchen Depot Customer Services
""", "unknown_sender", note="retailer's automated delivery notice, not a client contact", sig=False, fmt="html"),

    M("2026-02-25 13:11", "rachel", "Delivery arrived", """
Hi Dan,

All 14 units and the worktops came this morning, they're stacked in the front room. Tiles and handles
come Friday. Nothing damaged as far as we can see.
""", "no_request", note="delivery news from the client"),

    M("2026-02-26 18:55", "rachel", "Saturday?", """
Hi Dan,

Since everything's here already, any chance you could rip out the old kitchen this Saturday (28th)
instead of Monday? Then you could get straight on with fitting on Monday morning.

Rachel
""", "out_of_scope", "deadline", "strip-out", "strip-out wanted 28 Feb instead of 2 March = earlier deadline", sig=False),

    M("2026-03-02 07:32", "mark", "oven", """
Morning - can you keep the old oven housing to one side? Neighbour at no. 12 wants it. Everything else
can go.

Sent from my iPhone
""", "in_scope", item="strip-out", note="setting one old unit aside during removal, rest disposed = strip-out", sig=False),

    M("2026-03-03 08:10", "neighbour", "skip outside number 14", """
Hello,

I live at number 16. The skip outside number 14 is partly across my drive and I can't get the car out.
Could whoever's in charge of it please get it moved today?

Carol Hinds
""", "unknown_sender", note="neighbour, not a client contact", sig=False),

    M("2026-03-04 19:22", "rachel", "wall units", """
Hi Dan,

It's looking amazing! One thing - we've realised our big storage jars won't fit on the worktop under
the wall units. Is it too late to have the wall units 5cm higher?

x
""", "in_scope", item="units", note="question about the result = raise the wall units during the fit", sig=False),

    M("2026-03-05 12:30", "mark", "fridge freezer", """
Dan

Currys won't deliver the fridge freezer till the 20th. Could you swing by in the van tomorrow morning
and pick it up from the store on the ring road? I'll ring ahead and pay.
""", "out_of_scope", "client_duty", "appliances", "collecting the fridge freezer = client has appliances delivered"),

    M("2026-03-06 17:45", "mark", "hob cut-out", """
Spec sheet for the hob attached - it's 590 wide with a 560 x 490 cut-out. Just make sure the hole's
right for that before you cut eh
""", "in_scope", item="worktop", note="hob cut-out to the hob's spec = worktop cut-outs", sig=False, iphone=True),

    M("2026-03-09 20:05", "rachel", "Extra units", """
Hi Dan,

We went back to Kitchen Depot at the weekend and got a tall larder and two more wall units to go above
the fridge (they arrive Wednesday). So that makes 17 in total. Can you fit those as well?

Thanks!
""", "out_of_scope", "quantity", "units", "17 units, agreed up to 14 = 3 extra units"),

    M("2026-03-10 13:01", "mark", "cracks", """
Just patch any cracks round the window as you go, and the hole where the old flue went through.
Cheers
""", "in_scope", item="making-good", note="patching cracks and a small hole = making good, phrased as a statement", sig=False),

    M("2026-03-11 19:40", "rachel", "feature wall", """
Hi Dan,

We've had a bit of a moment of madness 😅 Could you tile the whole wall behind the hob right up to
the ceiling, not just the splashback? It'd be another 3 square metres or so on top of what we had. We
have enough tiles.

Rachel
""", "out_of_scope", "quantity", "splashback", "about 6.2 m2 of tiling in total, agreed up to 4 m2", sig=False),

    M("2026-03-12 08:20", "mark", "cornice + spares", """
Morning Dan, the cornice for the wall units is in the long box in the hall - can that go on today?
And could you leave the spare door and handles in the cupboard under the stairs.
""", "in_scope", item="units", note="fitting the cornice is part of fitting units; leaving spares is trivial", sig=False, iphone=True),

    M("2026-03-13 17:58", "rachel", "Thank you!!", """
Dan, we cannot believe how different it looks. Thank you so much.

Our plumber Steve is coming Monday to connect the sink and dishwasher, and the electrician on Tuesday.
We'll live in it for a couple of weeks and let you know about any snags.

Rachel & Mark
""", "no_request", note="thanks and news about their own trades", sig=False, fmt="multi"),

    M("2026-03-19 21:03", "rachel", "snags", """
Hi Dan,

A few bits we've found:
1) the drawer under the hob sticks about halfway
2) one of the plinth clips has snapped so the plinth by the dishwasher keeps falling off
3) the silicone behind the sink has a gap at the left end

Could you come back and sort those when you can?
""", "in_scope", item="snagging", note="list of snags for the one agreed return visit"),

    M("2026-03-24 18:30", "mark", "wall by the back door", """
Dan, the wall next to the back door is really bumpy where the old tiles came off. Could you skim the
whole wall so it's smooth for painting? It's about 2.4 x 1.8.

Mark
""", "out_of_scope", "excluded", "plastering", "skimming a whole wall = plastering whole walls, excluded", sig=False),

    M("2026-03-30 12:15", "rachel", "Re: snag visit", """
Hi Dan,

Thanks for offering the 9th. We're away over Easter and then it's manic, so could it wait until the
week of 4 May? Any day that week works.

Rachel
""", "in_scope", item="snagging", note="snag visit moved later (week of 4 May) = still the agreed visit, later is fine", sig=False,
      re=R("dan", "2026-03-27 16:40", """
Hi Rachel,

No problem, I can do all three. I could come Thursday 9 April in the morning if that suits?

Dan""", subject="snag visit")),

    M("2026-04-08 20:12", "mark", "boiler", """
Hi Dan,

While you're back for the snags, could you box in the boiler with a cupboard and a door to match the
units? Bit of MDF and one of the spare doors should do it. Let me know what you'd charge.

Cheers
""", "out_of_scope", "new_work", "", "building a boiler cupboard is carpentry neither agreed nor excluded = new work", sig=False),

    M("2026-04-15 19:50", "rachel", "worktop joint", """
Hi Dan,

I've noticed the worktop is lifting slightly at the joint near the sink - there's a little dark line
where water has got in. Could you have a look at that on the snag visit too?

Thanks,
Rachel
""", "in_scope", item="snagging", note="worktop joint issue added to the agreed snag visit", sig=False, fmt="html"),

    M("2026-04-22 18:44", "rachel", "end panel", """
The missing end panel for the tall unit finally came from Kitchen Depot. Could you fit that when you
come in May?
""", "in_scope", item="units", note="fitting an end panel on an agreed unit = part of fitting units, no extra unit", sig=False, iphone=True),

    M("2026-05-08 10:26", "mark", "Re: snags done", """
Thanks for Tuesday Dan, all good except the hob drawer is sticking again already. Any chance you could
pop back once more and have another go?

Mark
""", "out_of_scope", "quantity", "snagging", "a second return visit, agreed one snag visit", sig=False,
      re=R("dan", "2026-05-05 15:20", """
Hi both,

All done today: drawer runner replaced, plinth clip swapped, silicone redone, joint resealed and the
end panel is on. That's the snag visit done - any problems give me a shout.

Dan""", subject="snags done")),

    M("2026-05-14 20:18", "rachel", "shelves and blind", """
Hi Dan,

Now the kitchen is done the alcove looks bare! Could you put up three floating oak shelves in there,
and hang the roller blind we bought for the window? Happy to pay for a day.

Rachel x
""", "out_of_scope", "new_work", "", "floating shelves and hanging a blind are neither agreed nor excluded = new work", sig=False),

    M("2026-05-27 19:05", "rachel", "extractor", """
Hi Dan,

The extractor hood finally arrived. Could you mount it on the wall above the hob and wire it into the
spur the electrician left? It's a Bosch chimney one, instructions in the box.

Thanks
""", "out_of_scope", "client_duty;excluded", "appliances;electrics", "installing the extractor = client has appliances installed; wiring it into the spur = electrics, excluded"),

    M("2026-06-09 13:40", "rachel", "review!", """
Hi Dan,

Just left you a 5-star review on Checkatrade ⭐ Also my friend Jess in Headingley wants a new kitchen
next year - I've given her your number, hope that's ok.

Rachel
""", "no_request", note="news about a review and a referral, nothing to do", sig=False),
]

# ---------------------------------------------------------------------------
# en-property: Hannah Cole, VA, for Graham and Sue Oakes (landlords)
# ---------------------------------------------------------------------------
PROPERTY = [
    M("2026-01-05 09:12", "graham", "Welcome + files", """
Hi Hannah,

Welcome aboard! As promised, attached:
- tenant list with phone numbers and tenancy dates
- contractor contacts (Kev - plumbing/heating, Amir - electrics, Lee - general handyman)
- last year's rent spreadsheet

I've told all six flats to email you from today instead of me. Fingers crossed.

Regards,
""", "no_request", note="hand-over of files and news, no request"),

    M("2026-01-07 08:40", "graham", "Flat 4 shower", """
Hannah

Flat 4 emailed me direct about the shower dripping again - I've told them to contact you in future.
Can you get Kev round this week?

G
""", "in_scope", item="repairs", note="book the plumber (landlord's contractor) for a repair", sig=False, iphone=True),

    M("2026-01-12 19:30", "sue", "rent sheet", """
Hi Hannah,

Sue here - Graham's wife, I do the money side. Could you set up the rent sheet so it shows each flat's
due date and a running total of what's owed? Flat 2 pays on the 15th, everyone else on the 1st.

Thanks,
""", "in_scope", item="rent-tracker", note="due dates and running arrears column in the rent spreadsheet", fmt="multi"),

    M("2026-01-19 12:05", "graham", "Re: Flat 4 shower - quote", """
Fine, go ahead with Kev. Pricey but it needs doing.

Graham
""", "in_scope", item="repairs", note="landlord himself approves the 320 GBP quote; booking Kev in = repairs", sig=False,
      re=R("hannah", "2026-01-16 15:22", """
Hi Graham,

Kev has been to flat 4. The shower valve needs replacing - his quote is £320 including parts. As it's
over £250 I need your OK before I book him in.

Hannah""", subject="Flat 4 shower - quote", style="outlook", to="graham")),

    M("2026-01-26 10:14", "graham", "Flat 6", """
Flat 6 late again. Give them a nudge would you - polite but firm.
""", "in_scope", item="rent-tracker", note="reminder to a late payer = rent tracking with reminders", sig=False),

    M("2026-02-02 09:48", "graham", "Flat 6 - notice", """
Hannah,

Flat 6 have now been late three months running and still owe January. I've had enough. Can you draft
a section 8 notice and serve it on them this week?

Graham
""", "out_of_scope", "excluded", "legal", "drafting and serving a section 8 notice = legal notices, excluded", sig=False),

    M("2026-02-04 20:10", "sue", "January statement", """
Hi Hannah, January statement received, thank you - very clear.

Could the next ones split the repair costs per flat rather than one total? Makes it easier to see which
flats are costing us.

Sue
""", "in_scope", item="statement", note="change in layout of the monthly statement", sig=False),

    M("2026-02-09 11:33", "graham", "electrician", """
Hi Hannah,

Amir has retired (lucky him). Can you find us a new electrician? Get a few quotes and check they're
NICEIC registered, then add whoever's best to the list.

Regards,
""", "out_of_scope", "client_duty", "contractors", "finding and vetting a new electrician = landlord supplies the contractor list"),

    M("2026-02-16 07:55", "graham", "gas cert flat 1", """
When's the gas safety cert for flat 1 up? Put it in the diary and give me a shout nearer the time.
""", "in_scope", item="compliance", note="gas safety date in the compliance calendar with a reminder", sig=False, iphone=True),

    M("2026-02-23 18:20", "sue", "accountant", """
Hi Hannah,

Our accountant wants the rental income and expenses for 2025/26 split into allowable expense categories
(repairs, insurance, agent fees, mortgage interest etc) for the tax return. Could you pull that together
from the rent sheet and the invoices folder? She needs it by the end of April.

Thanks,
Sue
""", "out_of_scope", "excluded", "bookkeeping", "categorising expenses for the tax return = bookkeeping/tax, excluded (rent sheet only as source)", sig=False),

    M("2026-02-27 16:05", "sue", "February statement early?", """
Hi Hannah - I'm seeing the mortgage broker on Tuesday morning. Could I have the February statement by
Monday (2nd) instead of the 5th?

Sue
""", "out_of_scope", "deadline", "statement", "February statement wanted 2 March instead of by the 5th = earlier deadline", sig=False),

    M("2026-03-03 12:40", "graham", "Flat 3 cupboard", """
Hannah,

Lee says he can fix the kitchen cupboard in flat 3 on Thursday at 10 but the tenant's at work. Could
you meet him there and let him in? Spare keys are in the key safe at the office, code 4471.

Graham
""", "out_of_scope", "excluded", "viewings", "meeting the handyman at the flat with the keys = in-person key handover, excluded", sig=False),

    M("2026-03-09 09:25", "graham", "flat 5 fan", """
Hi Hannah,

Tenant in flat 5 says the bathroom extractor fan is dead. Normally I'd say get Amir, but we haven't got a
new sparky yet, so get Lee to have a look and see if it's just the fan.

Regards,
""", "in_scope", item="repairs", note="book the handyman from the landlord's list for a repair", fmt="html"),

    M("2026-03-16 08:50", "graham", "Flat 6 paid!", """
Good news - flat 6 paid everything they owed on Friday. No need to chase them anymore, and I've decided
not to go down the notice route after all.

Thanks for keeping on at them.
""", "no_request", note="news; 'no need to chase' cancels work; no request"),

    M("2026-03-23 14:12", "graham", "Flat 3 worktop quote", """
Hannah,

Lee's quoted £600 to replace the damaged worktop in flat 3. I'm off to Lanzarote tomorrow so I'll leave
it with you - if it looks fair, just tell him yes.

Graham

Sent from my iPhone
""", "out_of_scope", "client_duty", "approvals", "deciding on a 600 GBP repair = landlord approves repairs over 250 GBP", sig=False),

    M("2026-03-30 19:45", "sue", "rent sheet tweaks", """
Hi Hannah,

Can you make anyone who's late show up in red on the rent sheet, and put a total row at the bottom so I
can see the month at a glance?

Sue
""", "in_scope", item="rent-tracker", note="formatting the rent spreadsheet (late payers in red, totals)", sig=False, fmt="html"),

    M("2026-04-06 17:02", "graham", "Flat 7!", """
Hi Hannah,

Completed on another flat today - 9 Elm Street, just round the corner. New tenant moves in on the 20th.
Can you add it to everything - tenant emails, rent sheet, statements, the lot?

Regards,
""", "out_of_scope", "quantity", "tenant-mail", "a seventh flat, agreed six flats"),

    M("2026-04-13 20:30", "sue", "mid-month statement", """
Hi Hannah,

From now on could you also send me a quick statement in the middle of the month? Just the rent in and
what's outstanding. I like to keep an eye on things.

Sue
""", "out_of_scope", "quantity", "statement", "a second statement each month, agreed one per month", sig=False),

    M("2026-04-27 10:55", "graham", "Flat 2 moving out", """
Hi Hannah,

Flat 2 have given notice - they're leaving end of May. Could you write an advert for the flat and get it
up on OpenRent and Rightmove? Photos from last time are in the Dropbox.

Regards,
""", "out_of_scope", "new_work", "", "writing and posting a letting advert is neither agreed nor excluded = new work"),

    M("2026-05-04 21:08", "sue", "April statement", """
April statement looks great, thanks Hannah. Also Kev's invoice for the boiler service came in and I've paid it.

Sue
""", "no_request", note="thanks and a report that the client paid an invoice; 'also' in news", sig=False),

    M("2026-05-06 09:30", "graham", "flat 1 noise", """
Hannah,

The tenant in flat 1 keeps emailing about noise from flat 2 late at night. Can you reply to her and say
we're aware and looking into it, and keep a note of each complaint?

G
""", "in_scope", item="tenant-mail", note="reply to a tenant and log the issue = tenant mail handling", sig=False),

    M("2026-05-11 13:15", "graham", "Insurance renewal", """
Hannah,

Landlord insurance renews on 1 June and they've put it up 30%. Can you shop around and get me three
quotes for the six flats?

Graham
""", "out_of_scope", "new_work", "", "shopping around for insurance quotes is neither agreed nor excluded = new work", sig=False),

    M("2026-05-18 16:42", "sue", "Lee's invoice", """
Hi Hannah,

Could you pay Lee's invoice for flat 3 (£180)? I'll send you the login for the business account, it's
easy. I'm so behind this week.

Sue
""", "out_of_scope", "client_duty", "approvals", "paying a contractor's invoice = landlord pays invoices himself", sig=False, fmt="multi"),

    M("2026-05-21 18:05", "jamie", "hot water flat 3", """
Hi,

I'm Jamie in flat 3. Graham gave me this address. The hot water's gone off again since this morning -
can someone come and look at it please? I'm in after 6.

Thanks
Jamie
""", "unknown_sender", note="a tenant writing directly; not one of the client's contacts", sig=False),

    M("2026-05-26 11:20", "graham", "Flat 2 end of tenancy", """
Hi Hannah,

Flat 2 leave on the 31st. Can you book Lee for 1 June to do the end-of-tenancy touch-ups (paint in the
hall, the bathroom sealant) and let the tenants know he'll need access that morning?

Regards,
""", "in_scope", item="repairs", note="book the landlord's handyman and arrange access with the tenant = repairs"),

    M("2026-05-28 20:10", "sue", "May statement", """
Hi Hannah, we're away 1-8 June. Could you send the May statement on the 9th instead of the 5th, so I can
go through it properly when we're back?

Thanks, Sue
""", "in_scope", item="statement", note="statement moved later (9th instead of 5th) = still agreed work, later is fine", sig=False),

    M("2026-06-04 10:02", "sue", "rent sheet today?", """
Hannah - I need the arrears figures for the bank tomorrow. Can you update the rent sheet today rather than
waiting until Monday?

Sue

Sent from my iPhone
""", "out_of_scope", "deadline", "rent-tracker", "rent sheet update wanted Thursday instead of the agreed Monday = earlier than cadence", sig=False),

    M("2026-06-10 09:18", "graham", "Re: Flat 4 EICR report", """
Yes please, £140 is fine. Book Spark Bros in to fix them and sort out access with the tenant - she works
from home most days.

G
""", "in_scope", item="repairs", note="book the landlord's (new) electrician for a 140 GBP repair, approved, and arrange access", sig=False,
      re=R("hannah", "2026-06-09 08:30", """
Hi Graham,

Spark Bros' EICR report for flat 4 is in (attached). It's a pass apart from two C2 items - the double
sockets either side of the cooker need replacing. Dean quotes £140. Shall I book them in?

Hannah""", subject="Flat 4 EICR report")),

    M("2026-06-24 07:00", "graham", "Out of office: Re: Flat 4 EICR report", """
I am away until Wednesday 1 July. Tenants with an emergency should call 0117 496 0000. Otherwise I will
reply when I'm back.

Graham Oakes
""", "no_request", note="out-of-office auto-reply", sig=False, auto=True),
]

CORPUS = [("en-events", "en", EVENTS), ("en-kitchen", "en", KITCHEN), ("en-property", "en", PROPERTY)]


def addr(key):
    name, email = PEOPLE[key]
    return formataddr((name, email))


def msgid(*parts):
    h = hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]
    return h


def quote_block(q, client):
    name, email = PEOPLE[q["who"]]
    dt = parse(q["date"])
    if q["style"] == "outlook":
        to_name, to_email = PEOPLE[q["to"]]
        head = ("-----Original Message-----\n"
                f"From: {name} <{email}>\n"
                f"Sent: {dt.strftime('%A, %d %B %Y %H:%M')}\n"
                f"To: {to_name} <{to_email}>\n"
                f"Subject: {q['subject']}\n\n")
        return head + q["text"]
    head = f"On {dt.strftime('%a')}, {dt.day} {dt.strftime('%b %Y')} at {dt.strftime('%H:%M')}, {name} <{email}> wrote:\n"
    return head + "\n".join(("> " + line) if line else ">" for line in q["text"].split("\n"))


def to_html(text):
    out = []
    for p in text.split("\n\n"):
        lines = p.split("\n")
        h = ""
        for i, l in enumerate(lines):
            h += html.escape(l)
            if i < len(lines) - 1:
                h += " " if len(l) >= 60 else "<br>"
        out.append("<p>" + h + "</p>\n")
    return "".join(out)


def build():
    rows = []
    for client, lang, mails in CORPUS:
        last = None
        va = VA[client]
        for n, m in enumerate(mails, start=1):
            dt = parse(m["date"])
            assert last is None or dt > last, (client, n)
            last = dt
            split = "holdout" if n % 3 == 0 else "dev"
            body = m["body"]
            if m["sig"] and m["who"] in SIGS:
                body += "\n\n" + SIGS[m["who"]]
            if m["iphone"]:
                body += "\n\nSent from my iPhone"
            quoted = quote_block(m["re"], client) if m["re"] else None

            msg = EmailMessage()
            msg["From"] = addr(m["who"])
            msg["To"] = addr(va)
            msg["Subject"] = m["subject"]
            msg["Date"] = format_datetime(dt)
            domain = PEOPLE[m["who"]][1].split("@")[1]
            msg["Message-ID"] = f"<{msgid(client, str(n), m['date'])}@{domain}>"
            if m["re"]:
                pdomain = PEOPLE[m["re"]["who"]][1].split("@")[1]
                parent = f"<{msgid(client, 'parent', m['re']['date'])}@{pdomain}>"
                msg["In-Reply-To"] = parent
                msg["References"] = parent
            if m["auto"]:
                msg["Auto-Submitted"] = "auto-replied"
            msg["MIME-Version"] = "1.0"

            text = body + ("\n\n" + quoted if quoted else "") + "\n"
            if m["fmt"] == "html":
                h = to_html(body)
                if quoted:
                    h += "<blockquote>" + to_html(quoted) + "</blockquote>"
                msg.set_content("<html><body>\n" + h + "</body></html>\n", subtype="html")
            elif m["fmt"] == "multi":
                msg.set_content(text)
                h = to_html(body)
                if quoted:
                    h += "<blockquote>" + to_html(quoted) + "</blockquote>"
                msg.add_alternative("<html><body>\n" + h + "</body></html>\n", subtype="html")
                msg.set_boundary("==en-b-" + msgid(client, str(n), "boundary") + "==")
            else:
                msg.set_content(text)

            rel = f"{lang}/{split}/{client}-{n:03d}.eml"
            out = HERE / "mail" / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(bytes(msg))
            rows.append([rel, client, m["verdict"], m["cats"], m["item"], m["note"]])

    with open(HERE / f"labels-{ME}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "client", "verdict", "categories", "item", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} mails")


if __name__ == "__main__":
    build()
