#!/usr/bin/env python3
"""Build the en-a blind test corpus (en-podcast, en-shop). Deterministic, stdlib only."""
import hashlib
import csv
import html
import shutil
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ME = "en-a"

# --------------------------------------------------------------------------- people
PODCAST = {
    "id": "en-podcast",
    "lang": "en",
    "tz": "uk",
    "domain": "brightpath-coaching.example",
    "va": ("Jess Harlow", "jess@harlowaudio.example"),
    "people": {
        "maya": ("Maya Okafor", "maya@brightpath-coaching.example"),
        "tom": ("Tom Reilly", "tom@brightpath-coaching.example"),
    },
    "sigs": {
        "maya": "Maya Okafor\nFounder & Host, The Brightpath Hour\nBrightpath Coaching Ltd | brightpath-coaching.example",
        "tom": "Tom Reilly\nOperations Manager\nBrightpath Coaching Ltd\nT: +44 20 7946 0321",
    },
}
SHOP = {
    "id": "en-shop",
    "lang": "en",
    "tz": "us",
    "domain": "fernandfold.example",
    "va": ("Priya Nair", "priya@nairva.example"),
    "people": {
        "hannah": ("Hannah Brooks", "hannah@fernandfold.example"),
        "leo": ("Leo Brooks", "leo@fernandfold.example"),
    },
    "sigs": {
        "hannah": "Hannah Brooks\nFern & Fold Home\nhandmade & small-batch homeware, Asheville NC\nfernandfold.example",
        "leo": "-- \nLeo | Fern & Fold",
    },
}


def tzinfo_for(kind, dt):
    if kind == "uk":  # GMT until Sun 29 Mar 2026 01:00 UTC, then BST
        return timezone(timedelta(hours=1 if dt >= datetime(2026, 3, 29, 2) else 0))
    # US Eastern: EST until Sun 8 Mar 2026, then EDT
    return timezone(timedelta(hours=-4 if dt >= datetime(2026, 3, 8, 2) else -5))


def when(client, s):
    dt = datetime.strptime(s, "%Y-%m-%d %H:%M")
    return dt.replace(tzinfo=tzinfo_for(client["tz"], dt))


def M(dt, who, subject, body, verdict, cats="", item="", note="", **kw):
    d = dict(dt=dt, who=who, subject=subject, body=body, verdict=verdict,
             cats=cats, item=item, note=note)
    d.update(kw)
    return d


def Q(who, dt, text, style="gmail"):
    """Quoted earlier message. who: 'va', a contact key, or (name, email)."""
    return dict(who=who, dt=dt, text=text, style=style)


# --------------------------------------------------------------------------- podcast mails
P = []
P.append(M("2026-01-05 09:12", "maya", "Ep 41 files are up - season 3 here we go!",
"""Hi Jess,

Happy new year! Hope you had a proper break.

Ep 41 (with Dana Whitfield) is in the Drive folder, both tracks plus the episode doc with her bio and the title. Could you do your magic on it and get it out on Thursday as usual?

Really looking forward to season 3 with you.

Maya""", "in_scope", "", "audio-edit;publishing",
"usual weekly edit and Thursday release", sig="maya"))

P.append(M("2026-01-07 14:31", "maya", "Re: Ep 41 first cut",
"""Listened on the train, it's lovely. Two things:

- at 14:20 I cough right over Dana's answer, can that go?
- the bit where her line drops around 31 min, just cut it, she repeats the point later anyway

otherwise good to go x""", "in_scope", "", "audio-edit",
"cough and dropout removal = audio edit, worded without the terms",
reply=Q("va", "2026-01-07 11:02",
"""Hi Maya,

The first cut of episode 41 is in the Drive (Ep41_firstcut.mp3), show notes draft is in the episode doc. Let me know by 5pm if you'd like any changes.

Jess""")))

P.append(M("2026-01-09 10:05", "tom", "YouTube channel for the podcast",
"""Hi Jess,

Tom here, I look after operations at Brightpath - Maya says you're doing a brilliant job on the podcast.

We'd love to get each episode onto our YouTube channel as well. Just a static image with the audio would be fine to start with, nothing fancy. Could you set that up from ep 42 onwards?

Cheers,""", "out_of_scope", "excluded", "video",
"YouTube version of each episode = video, excluded", sig="tom"))

P.append(M("2026-01-12 11:48", "maya", "ep 42",
"""files are in for 42, guest is Raj Mehta, title is in the doc ('Pricing without panic'). usual please 🙏""",
"in_scope", "", "audio-edit", "weekly edit, one line", sig="iphone"))

P.append(M("2026-01-14 16:10", "maya", "Re: Ep 42 first cut",
"""Sounds great! Could the show notes mention his free pricing calculator? link is https://rajmehta.example/calculator

Also can u put the timestamps in bold, they get lost otherwise""", "in_scope", "", "show-notes",
"link and formatting in show notes",
reply=Q("va", "2026-01-14 11:40",
"""Hi Maya,

First cut of 42 is in the folder. Raj's audio was really clean so not much to do. Show notes draft is in the doc.

Jess""")))

P.append(M("2026-01-16 09:30", "tom", "February guests",
"""Hi Jess,

Maya is completely swamped with the spring programme launch. Could you email the four February guests below, introduce yourself, and get each of them booked into a recording slot in Maya's Calendly? Their details are in the Guests tab of the planning sheet.

- Priyanka Shah
- Marcus Lindqvist
- Greg Foster
- Aisha Bello

Many thanks,""", "out_of_scope", "excluded", "guest-booking",
"contact and book guests = guest booking, excluded", sig="tom"))

P.append(M("2026-01-19 13:05", "maya", "Ep 43 - a long one, sorry!",
"""Hi Jess,

Files for 43 are up. Heads up, the raw recording with Lena Novak is 1h35 - we just got chatting and it was SO good. Can you edit the whole thing as one episode? I really don't want to lose any of it. Maybe drop the first five minutes of small talk about the weather.

Thank you!!
Maya""", "out_of_scope", "quantity", "audio-edit",
"95 min raw audio, over the 60 raw minutes per episode"))

P.append(M("2026-01-21 08:40", "maya", "Re: Ep 43 - a long one, sorry!",
"""Actually ignore that - Tom and I think it works better as two parts over two weeks. So just edit the first 55 mins or so for this Thursday and we'll do part 2 next week as ep 44.""",
"in_scope", "", "audio-edit",
"split into two weekly episodes within the 60-minute limit; the over-limit ask is only quoted",
sig="iphone",
reply=Q("va", "2026-01-20 09:15",
"""Hi Maya,

Thanks for the files. Just flagging that the raw audio is about 95 minutes, and our package covers up to 60 raw minutes per episode. I'm happy to edit the full length as one episode at the hourly rate (roughly 2 extra hours), or we could look at other options. Let me know which you prefer.

Jess

On Mon, 19 Jan 2026 at 13:05, Maya Okafor <maya@brightpath-coaching.example> wrote:
> Can you edit the whole thing as one episode? I really don't want to lose any of it.""")))

P.append(M("2026-01-23 15:20", "maya", "Thank you!!",
"""Just wanted to say part 1 with Lena sounds amazing. Three people messaged me already - could you believe one of them was my old boss from the bank?! 😂

Have a lovely weekend,
M""", "no_request", "", "", "thanks and news; 'could you believe' is not a request"))

P.append(M("2026-01-26 10:02", "maya", "Ep 44 + a title?",
"""Hiya,

Files for 44 are in the folder (part 2 of Lena), usual edit please.

I've totally blanked on a title though and the doc just says 'Lena pt 2'. Could you come up with one? You know the episode better than me by now 😅

Maya""", "out_of_scope", "client_duty", "episode-details",
"episode title is Maya's to supply; edit itself in scope"))

P.append(M("2026-01-28 12:30", "tom", "Episode artwork",
"""Hi Jess,

Quick one - Buzzsprout lets you add a separate image to each episode and ours all just use the show logo. We'd like a square image per episode with the guest's photo and the episode title in our brand colours (brand kit is in the shared folder).

Could you make those, starting with this week's episode?

Thanks,""", "out_of_scope", "new_work", "",
"designing episode images = graphic design, not in agreement; Buzzsprout/episode only context",
sig="tom"))

P.append(M("2026-01-30 09:15", "maya", "quick q",
"""is the transcript for 43 the one that shows on the episode page, or is that something I have to upload myself? no rush, just curious how it works""",
"no_request", "", "", "question that needs only an answer"))

P.append(M("2026-02-02 12:10", "maya", "Ep 45 files",
"""Hi Jess,

In the Drive. Guest is Priyanka Shah. Two bits:
- my dog decided to bark at the postman around 22:00, please make that disappear
- at roughly 38 min Priyanka names one of her clients and then asks me to leave that out, so the name needs to go

Notes/bio in the doc as usual.

Thanks, Maya""", "in_scope", "", "audio-edit",
"removing barking and a name = editing, terms not used"))

P.append(M("2026-02-04 17:45", "maya", "Re: Ep 45 first cut",
"""Perfect. For the notes, Priyanka wants her book linked rather than her website (link in the doc). And can you make sure her surname is right in the transcript, it's Shah not Sha 🙈""",
"in_scope", "", "show-notes;transcript", "show notes link and transcript spelling",
reply=Q("va", "2026-02-04 11:50",
"""Hi Maya,

The first cut of ep 45 is ready in the folder, the bark is gone and so is the client's name. Notes draft and transcript are in the doc.

Jess""")))

P.append(M("2026-02-06 11:00", "tom", "Instagram + LinkedIn on release day",
"""Hi Jess,

Could you post a short teaser for each episode on our Instagram and LinkedIn on release day from now on? Just a good quote from the guest and the link. There are Canva templates in the shared folder so it shouldn't take long.

Best,""", "out_of_scope", "excluded", "social-promo",
"posting teasers on Instagram/LinkedIn = social promotion, excluded", sig="tom"))

P.append(M("2026-02-09 09:55", "maya", "Ep 46 + a bonus this week?",
"""Morning!

Files for 46 are up (Marcus Lindqvist).

Also I recorded a short solo episode about our spring programme yesterday, about 20 mins, it's in the same folder. Could that go out as a bonus on Saturday as well, edited the same way? And maybe write a little Instagram caption for it that I can post?

Thank you thank you
Maya""", "out_of_scope", "quantity;excluded", "audio-edit;social-promo",
"second episode in one week over the 1/week limit; Instagram caption is social promo"))

P.append(M("2026-02-11 13:20", "maya", "Re: Ep 46 first cut",
"""Loved it. Tiny things: the music at the end is a bit loud compared to my voice, can you bring it down a touch? And the intro drags, could we get to the first question faster?""",
"in_scope", "", "audio-edit", "music level and tightening intro = editing",
reply=Q("va", "2026-02-11 11:30",
"""Hi Maya,

Ep 46 first cut is in the folder. About the solo bonus episode: that would be a second episode this week, which is outside the one-per-week in our agreement, and captions fall under social media, which isn't included. Happy to quote for the bonus edit if you'd like it.

Jess""")))

P.append(M("2026-02-13 10:40", "maya", "half term",
"""Hi Jess, just so you know I'm off next week with the kids (half term) so there's no recording and no episode on the 19th. We're back the week after. Nothing needed from you - enjoy the quiet week!

Maya""", "no_request", "", "", "skipped week announced; 'nothing needed'"))

P.append(M("2026-02-23 12:30", "maya", "Ep 47 - could it go out Tuesday?",
"""Hi Jess,

Files for 47 are in the folder (Greg Foster, part of the programme launch).

We open the doors to the spring programme on Wednesday morning, so I'd really love this episode live on Tuesday at 7am this week instead of Thursday. Is that doable? I'll listen to the cut as soon as you send it.

Maya""", "out_of_scope", "deadline", "publishing",
"release moved earlier than the Thursday cadence"))

P.append(M("2026-02-25 15:05", "tom", "RE: Ep 47",
"""Hi Jess,

Thanks for turning that around so quickly, the launch went really well.

Separate thing: Maya wants to run a free webinar on 12 March. Could you set up the registration in Zoom, and send the reminder emails to everyone who signs up (a week before, the day before and an hour before)?

Thanks,""", "out_of_scope", "new_work", "",
"webinar registration and reminder emails = not in agreement",
sig="tom", fmt="alt",
reply=Q("va", "2026-02-24 07:05",
"""Hi Tom, hi Maya,

Episode 47 is live on Buzzsprout as of 7am today. Links below for sharing.

Jess""", style="outlook")))

P.append(M("2026-02-27 09:00", "maya", "Automatic reply: February invoice",
"""Thank you for your email. I'm on a leadership retreat until Monday 2 March with very limited access to email. For anything urgent please contact Tom Reilly at tom@brightpath-coaching.example.

Maya""", "no_request", "", "", "out-of-office auto-reply"))

P.append(M("2026-03-02 11:15", "maya", "ep 48",
"""Hey, back from the retreat and I recorded with Aisha on Saturday, files are in.

Warning: she talks very quietly and there's a humming noise the whole way through (her fridge I think?!). Sorry! Do what you can.""",
"in_scope", "", "audio-edit", "quiet voice and hum = clean-up", sig="iphone"))

P.append(M("2026-03-04 16:30", "maya", "Re: ep 48 first cut",
"""Sounds miles better, honestly don't know how you did it.

For the show notes could they be a lot longer this time, like 900-1000 words with all of Aisha's five steps written out? She wants to share them with her mailing list.

Maya""", "out_of_scope", "quantity", "show-notes",
"show notes of ~1000 words, limit is 300 words",
reply=Q("va", "2026-03-04 11:55",
"""Hi Maya,

First cut of 48 is in the folder. I used a noise reduction pass for the hum and brought Aisha up a fair bit. Notes draft is in the doc.

Jess""")))

P.append(M("2026-03-05 10:20", ("Olivia Grant", "olivia@grantpr-agency.example"), "Guest idea for The Brightpath Hour",
"""Hi Jess,

I understand you produce The Brightpath Hour. I represent Dr. Simon Ashby, author of 'The Calm Founder', who would be a wonderful guest for your listeners. Could you pass this on to the host, or let me know who handles guest bookings?

Press kit attached.

Warm regards,
Olivia Grant
Grant PR""", "unknown_sender", "", "", "PR agent, not a client contact"))

P.append(M("2026-03-09 12:45", "maya", "Ep 49 files",
"""Hi Jess,

Files are in for 49 (Carl Jensen). Please trim the bit where he talks about his former employer, roughly 17:30 to 19:00 - he asked us to after the call.

Thanks!
Maya""", "in_scope", "", "audio-edit", "trim a section = editing", fmt="html", sig="maya"))

P.append(M("2026-03-11 10:20", "maya", "Re: Ep 49 first cut",
"""all good, approved! could u publish it Friday instead of Thursday this week? Carl is speaking at an event on Friday morning and wants it to go live that day.""",
"in_scope", "", "publishing", "release moved later = still in scope",
reply=Q("va", "2026-03-11 09:48",
"""Hi Maya,

Ep 49 first cut is ready, the section about his former employer is out.

Jess""")))

P.append(M("2026-03-13 16:00", "tom", "Zoom recording for ep 50",
"""Hi Jess,

Maya recorded ep 50 yesterday but she's off sick today and hasn't downloaded the files. Could you log in to our Zoom account, grab the recording (separate tracks) and put it in the Drive yourself? I'll send you access separately.

Thanks,""", "out_of_scope", "client_duty", "raw-recordings",
"getting the raw recording into the Drive is the client's job", sig="tom"))

P.append(M("2026-03-16 09:40", "maya", "EP 50!! 🎉",
"""Our 50th episode!! Files are up (Natalie Brooks).

Natalie goes off on a long tangent about her sailing trip somewhere between 26 and 33 min - lose that, it's lovely but not useful. And I dropped an anniversary jingle in the folder, could you use it before the usual intro just for this one?

M""", "in_scope", "", "audio-edit", "cut a tangent and add a jingle = editing with music"))

P.append(M("2026-03-18 13:50", "maya", "Re: Ep 50 first cut",
"""Love it!! Could you also cut a 60-second clip of Natalie's best bit as a little video for Reels? Tom will post it, you just need to make it.""",
"out_of_scope", "excluded", "video",
"clip for Reels = video, excluded, even though 'cut' is edit wording",
reply=Q("va", "2026-03-18 11:45",
"""Hi Maya,

Happy 50th! First cut is in the folder with the jingle in front.

Jess""")))

P.append(M("2026-03-20 11:25", "maya", "Re: Ep 50 first cut",
"""ah ok, no worries, forget the clip then. Tom says he can do it in CapCut himself. Thanks for flagging!""",
"no_request", "", "", "withdraws the request; the clip ask is only in quoted history",
reply=Q("va", "2026-03-19 09:20",
"""Hi Maya,

Short clips and Reels come under video work, which we left out of the agreement. I can quote for it separately if you'd like, it would be about an hour per clip.

Jess

On Wed, 18 Mar 2026 at 13:50, Maya Okafor <maya@brightpath-coaching.example> wrote:
> Love it!! Could you also cut a 60-second clip of Natalie's best bit as a little video for Reels?""")))

P.append(M("2026-03-23 12:05", "maya", "ep 51",
"""Files in for 51, usual edit please.

Quick favour: our guest Ben Carter never sent his bio or a photo. Could you write a bio from his LinkedIn and his website and find a decent headshot online? I've chased him twice already.

ta, Maya""", "out_of_scope", "client_duty", "episode-details",
"guest bio and headshot are for the client to supply"))

P.append(M("2026-03-25 15:10", "tom", "RE: Ep 51 first cut",
"""Hi Jess,

Maya's at a client day so I'm approving this one - sounded great to me. Please go ahead and line it up for Thursday morning as normal.

Thanks,""", "in_scope", "", "publishing", "second contact approves and asks to schedule as usual",
sig="tom",
reply=Q("va", "2026-03-25 11:52",
"""Hi Maya,

First cut of ep 51 (Ben Carter) is in the folder. I used the bio from his speaker page that Tom found.

Jess""", style="outlook")))

P.append(M("2026-03-27 15:40", "maya", "Sponsors?",
"""Hi Jess,

Tom and I were talking about getting a sponsor for season 4 to cover production costs. Would you be able to research 10-15 companies that sponsor small-business podcasts and draft an outreach email we could send them? Not urgent at all, sometime in April is fine.

Have a good weekend!
Maya""", "out_of_scope", "new_work", "", "sponsor research and outreach draft not in agreement"))

P.append(M("2026-03-30 11:30", "maya", "Ep 52 + news",
"""Hi Jess,

Hope you had a good weekend! Lots going on here. The spring programme sold out (!!!) so we're adding a second cohort in May, and Tom is finally moving the office to the new building in Shoreditch at the end of April, so expect chaos.

Anyway, ep 52 with Ben... sorry, with Hugo Lam, is in the Drive. His audio has a lot of room echo, he recorded in an empty flat. Can you see if you can make it sound less like a bathroom? If not, no stress, it is what it is.

Oh and we're thinking about a listener survey in the summer, I'll tell you more when we've worked it out.

Speak soon,
Maya""", "in_scope", "", "audio-edit",
"echo reduction request in the middle of a newsy mail", fmt="alt", sig="maya"))

P.append(M("2026-04-01 14:15", "maya", "Re: Ep 52 first cut",
"""This is great, thanks. Can I have next week's first cut earlier than usual? Monday evening would be ideal, because I'm flying out Tuesday morning and want to listen on the plane. I'll get the files to you first thing Monday.""",
"out_of_scope", "deadline", "audio-edit",
"first cut Monday instead of Wednesday 12:00",
reply=Q("va", "2026-04-01 11:40",
"""Hi Maya,

First cut of 52 is in the folder. The echo is much better though not entirely gone.

Jess""")))

P.append(M("2026-04-03 10:00", "maya", "Easter",
"""Happy Easter Jess! 🐣 Just a heads up, we're skipping the episode on 9 April as I'm away, so no need to do anything next week. Back on the 16th with Olu.

Maya""", "no_request", "", "", "skipped week; 'no need to do anything'"))

P.append(M("2026-04-13 12:20", "maya", "Ep 53 files + transcript",
"""Hi Jess,

Files are up (guest: Oluwaseun 'Olu' Adeyemi). Usual edit.

Could you send me the transcript as a Word doc as well as putting it on Buzzsprout? I want to turn it into a LinkedIn article myself.

Thanks!
Maya""", "in_scope", "", "audio-edit;transcript",
"transcript as a Word file; LinkedIn article is her own job, only context"))

P.append(M("2026-04-15 16:40", "tom", "RE: Ep 53 first cut",
"""Hi Jess,

Maya asked me to pass on two things for the notes: please link to the spring programme page instead of our homepage, and Olu's first name needs the accent - Olúwaseun.

Thanks,""", "in_scope", "", "show-notes",
"show notes link and spelling via second contact", sig="tom",
reply=Q("va", "2026-04-15 11:30",
"""Hi Maya,

First cut of 53 is in the folder, transcript Word doc attached.

Jess""", style="outlook")))

P.append(M("2026-04-20 12:35", "maya", "ep 54",
"""Files are in. Maria's connection was awful so there are a few spots where she freezes mid-sentence. She recorded herself on her phone as a backup (also in the folder) - if you can patch those gaps with that version that'd be ace.""",
"in_scope", "", "audio-edit", "patching dropouts from a backup track = editing", sig="iphone"))

P.append(M("2026-04-22 11:05", "maya", "Re: Ep 54 first cut",
"""Approved, thank you!

Bigger question: from May could we go out twice a week, Tuesdays and Thursdays? We have so many guests lined up we'll never get through them otherwise. Same process, files on Monday and Wednesday.

Maya""", "out_of_scope", "quantity", "audio-edit",
"two episodes a week instead of one",
reply=Q("va", "2026-04-22 09:01",
"""Hi Maya,

Ep 54 first cut is up. The phone backup saved the day, all gaps patched.

Jess""")))

P.append(M("2026-04-28 09:30", "tom", "Ep 55 files will be late",
"""Hi Jess,

Heads up, Maya's recording ep 55 today instead of yesterday because of the office move, so you'll get the files this afternoon rather than Monday lunchtime. Could it still go out Thursday as normal? Totally understand if the first cut is a bit later than Wednesday noon.

Thanks,""", "in_scope", "", "publishing;audio-edit",
"usual edit and Thursday release; first cut allowed later", sig="tom"))

P.append(M("2026-05-06 10:30", "maya", "Re: Ep 56 first cut",
"""approved! one tiny fix before it goes out: at 41:10 I say 'back in twenty twenty-five' when I mean last spring, can you just snip that sentence? thanks!!""",
"in_scope", "", "audio-edit", "snip one sentence = editing", fmt="html",
reply=Q("va", "2026-05-06 08:55",
"""Hi Maya,

First cut of 56 is in the folder.

Jess""")))

P.append(M("2026-05-11 12:00", "maya", "Ep 57 files (+ Tom's note)",
"""Hi Jess, files for 57 are in. See Tom's note below - could you do that from now on?

Maya

---------- Forwarded message ---------
From: Tom Reilly <tom@brightpath-coaching.example>
Date: Fri, 8 May 2026 at 16:12
Subject: guests
To: Maya Okafor <maya@brightpath-coaching.example>

Maya - a couple of guests said they never heard anything after recording. Could Jess send each guest a thank-you email with the episode link on release day? Would look a lot more professional.

T""", "out_of_scope", "excluded", "guest-booking",
"emailing guests = guest correspondence, excluded; forwarded note"))

P.append(M("2026-05-13 07:02", ("Podcast Growth Weekly", "news@podcastgrowthweekly.example"), "5 ways to double your downloads this summer",
"""Hi there,

This week: why Thursday releases still win, the new chapter markers everyone is talking about, and our summer workshop - book your seat before Friday for 20% off.

Read online: https://podcastgrowthweekly.example/issue/118

You are receiving this because you subscribed at podcastgrowthweekly.example. Unsubscribe: https://podcastgrowthweekly.example/u""",
"unknown_sender", "", "", "newsletter"))

P.append(M("2026-05-22 14:45", "maya", "Next week's episode - Wednesday?",
"""Hi Jess,

We're off on a half-term trip from Thursday 28th, and I'd love to be able to share the episode before we go. Could next week's one go live on Wednesday morning instead of Thursday? Files on Monday as normal.

Maya""", "out_of_scope", "deadline", "publishing",
"release a day earlier than the Thursday cadence"))

P.append(M("2026-06-15 11:50", "maya", "ep 62 - last one before the break",
"""Hi Jess!

Files for ep 62 are in, last one of season 3 😭 Guest is Hugo Lam again (the echo man, but he's bought a proper mic since). He mumbles a bit in the first ten minutes, bump him up where you can and take out the bit where his doorbell goes.

Thanks for a brilliant season,
Maya""", "in_scope", "", "audio-edit", "level boost and doorbell removal = editing", sig="maya"))

# --------------------------------------------------------------------------- shop mails
S = []
S.append(M("2026-01-05 10:14", "hannah", "Winter linen - first batch for you!",
"""Hi Priya,

So excited to get going! The Winter Linen collection has arrived: 8 new products. Photos and the info sheet (prices, sizes, materials) are in the Drive folder under 'Winter Linen'.

Could you get them up on the shop this week? No rush before Wednesday.

Hannah""", "in_scope", "", "listings", "8 new listings, within 10/week", sig="hannah"))

S.append(M("2026-01-07 13:02", "hannah", "Re: Winter linen is live",
"""They look great!! Two little things - can you change the napkin price to $34 and add 'set of 4' to the title? People keep thinking it's one napkin lol""",
"in_scope", "", "listings", "update price and title of existing listing",
reply=Q("va", "2026-01-07 09:30",
"""Hi Hannah,

All 8 Winter Linen products are live and in the Winter collection. Have a look and let me know if anything needs changing.

Priya""")))

S.append(M("2026-01-09 16:40", "leo", "Mrs Carter's order",
"""Hi Priya, Leo here (Hannah's other half, I do the packing).

A Mrs Carter emailed the shop asking where order #1042 is. It went out Tuesday, tracking is 9400 1118 9922 3456 7812 34. Can you let her know?

Cheers
Leo""", "in_scope", "", "customer-service", "reply to a customer about her order", sig="leo"))

S.append(M("2026-01-12 08:20", "hannah", "stock",
"""stock sheet is in the folder, sorry it's a few days late. please update it before lunch if u can, the speckled mugs are down to 3 and I don't want to oversell""",
"in_scope", "", "stock-updates", "Monday stock update from the sheet", sig="iphone"))

S.append(M("2026-01-14 11:30", "hannah", "Throws look dark?",
"""Hi Priya,

Is it me or do the linen throws look really dark on the site? The rust one looks almost brown. Could you brighten the photos up a bit (Lightroom or whatever you use) and swap them on the listings?

Thanks! H""", "out_of_scope", "excluded", "photography",
"brightening photos = photo editing, excluded; listings only context"))

S.append(M("2026-01-16 17:05", "hannah", "Re: Weekly summary - week 2",
"""Thanks for this, super helpful to see the top sellers laid out like that. Hard to believe the little candle holders are number one! Have a good weekend.""",
"no_request", "", "", "thanks for the report",
reply=Q("va", "2026-01-16 15:10",
"""Hi Hannah,

Here's this week's summary: 47 orders, $3,912 in sales. Top sellers: brass candle holders, linen napkins (set of 4), speckled mugs. Low stock: speckled mugs (3), rust throw (2).

Priya""")))

S.append(M("2026-01-19 09:45", "hannah", "Spring ceramics!!",
"""Hi Priya,

The spring ceramics are in and they are gorgeous. 16 products in total (bowls, plates, vases, the new jugs). Photos + info sheet in the folder.

Could you list all 16 this week? I want them live before the newsletter goes out on Friday.

Hannah""", "out_of_scope", "quantity", "listings",
"16 new listings in one week, limit is 10", sig="hannah"))

S.append(M("2026-01-21 14:20", "hannah", "cracked bowl #1067",
"""Hi, a customer (Jo Whitman) got her serving bowl cracked in transit, she sent photos to the hello@ inbox. That's covered by our policy obviously. Please refund her in full and send her the 'so sorry' template. Thanks!""",
"in_scope", "", "order-admin;customer-service", "refund under policy plus customer reply"))

S.append(M("2026-01-23 12:10", "leo", "labels",
"""hey Priya, swamped today after the newsletter, 38 orders since last night 😳

could you buy the USPS labels in Shopify for today's orders and book a pickup for tomorrow morning? I'll just print and stick them on.

thx, Leo""", "out_of_scope", "client_duty", "shipping",
"buying postage and booking pickup is the client's shipping duty"))

S.append(M("2026-01-26 17:45", "hannah", "Facebook ads?",
"""My friend Kate says we should be running Facebook ads for the ceramics. Could you set up a small campaign, like $10 a day, aimed at people who like pottery and interiors? Let's see what happens!""",
"out_of_scope", "excluded", "paid-ads", "Facebook ad campaign = paid ads, excluded", sig="iphone"))

S.append(M("2026-01-27 09:10", "hannah", "Weekly summary by Thursday this week?",
"""Meeting with my accountant Thursday at 9, would love the numbers before then.""",
"out_of_scope", "deadline", "weekly-report",
"report Thursday instead of Friday, ask mostly in subject"))

S.append(M("2026-01-28 10:05", "hannah", "order 1089",
"""Hi Priya,

The customer on order 1089 just moved house, new address below. Leo ships tomorrow morning so could you sort it before then?

Anna Lopez
221 Maple Ridge Dr
Raleigh, NC 27607

Thanks! H""", "in_scope", "", "order-admin", "address change before shipping"))

S.append(M("2026-02-02 11:25", "hannah", "Valentine's",
"""Hi Priya,

For Valentine's could we have a 'Gifts for her' category on the shop with the candles, the rose linen set, the heart trinket dish and the pink mugs in it? Just those four for now.

Hannah""", "in_scope", "", "listings",
"a collection of existing products = listings work, worded as a 'category'",
sig="hannah"))

S.append(M("2026-02-04 14:40", "hannah", "Blog post?",
"""Hiya, random idea: could you write a blog post for Valentine's, something like '10 ways to make your table feel special', linking to our products? About 800 words. Would be amazing to have it up by the 10th.""",
"out_of_scope", "new_work", "", "writing a blog post not in agreement; products only context"))

S.append(M("2026-02-06 16:50", "hannah", "Re: Gifts for her",
"""It looks lovely, thank you so much. Already had 6 orders from it! Leo says hi 👋""",
"no_request", "", "", "thanks and news",
reply=Q("va", "2026-02-03 10:15",
"""Hi Hannah,

The 'Gifts for her' collection is live with the four products.

Priya""")))

S.append(M("2026-02-09 08:55", "hannah", "stock + rose set",
"""Morning! Count's in the sheet.

Also the rose linen set is discontinued at the supplier so please take it off the shop completely rather than showing 'sold out'. Don't want people waiting for it.

H""", "in_scope", "", "stock-updates", "stock update and hide a discontinued item"))

S.append(M("2026-02-11 13:35", "hannah", "Fwd: WHERE IS MY ORDER???",
"""Hi Priya,

Can you deal with this one? She's pretty upset. The order is stuck at the USPS hub in Greensboro according to tracking - nothing we can do about that, but please answer her nicely, apologise and offer her our SORRY10 code for next time. Leo checked and it did go out on the 4th.

H

---------- Forwarded message ---------
From: Denise Hart <denise.hart@mailbox.example>
Date: Tue, 10 Feb 2026 at 22:41
Subject: WHERE IS MY ORDER???
To: hello@fernandfold.example

I ordered a throw for my mother's birthday on the 3rd and it STILL hasn't arrived. Her birthday is Saturday. This is really not good enough. Order 1111.""",
"in_scope", "", "customer-service", "answer a forwarded customer complaint with existing code",
fmt="alt"))

S.append(M("2026-02-13 10:20", "hannah", "homepage refresh",
"""Hi Priya,

Now that Valentine's is nearly done, could you swap the big Valentine's banner on the homepage for a spring one, move the Instagram feed further up the page, and make the menu font a bit bigger? It's really small on phones.

Thanks!
Hannah""", "out_of_scope", "excluded", "theme-dev",
"homepage layout and font changes = theme work, excluded", sig="hannah"))

S.append(M("2026-02-16 09:15", "hannah", "no stock count this week, sorry",
"""Hi Priya, total chaos here, I haven't had time to count. Could you just work out the stock from what sold last week and update it from that? Should be close enough.""",
"out_of_scope", "client_duty", "stock-count",
"asks VA to produce the count the client supplies"))

S.append(M("2026-02-18 15:30", "leo", "Charleston shop",
"""Hi Priya,

Good news, a gift shop in Charleston wants to stock our mugs and bowls! They've asked for a wholesale price list and a line sheet. Could you put together a PDF for them? Hannah has the wholesale prices in her head, I'll get her to send them.

Leo""", "out_of_scope", "new_work", "", "wholesale line sheet not in agreement", sig="leo"))

S.append(M("2026-02-20 12:00", "hannah", "Atlanta next week",
"""Just letting you know we're at the Atlanta market from the 23rd to the 27th. Leo will be at home packing as usual and will send the stock sheet. Business as usual otherwise, you're doing great!""",
"no_request", "", "", "news only"))

S.append(M("2026-02-23 11:40", "leo", "Fwd: order 1132",
"""Customer says she picked the wrong colour throw, she wants the grey instead of the sage. I haven't packed it yet so can u change the order?

---------- Forwarded message ---------
From: Samira Cole <samira.cole@mailbox.example>
Date: Mon, 23 Feb 2026 at 08:12
Subject: order 1132
To: hello@fernandfold.example

Hi, I just ordered the sage throw (order 1132) but I meant to get the grey one, can you change it? Sorry!
Samira""", "in_scope", "", "order-admin", "change an order before it ships"))

S.append(M("2026-02-25 16:05", "leo", "QuickBooks",
"""Hey Priya, Hannah asked me to ask you (she's at the market): could you go into QuickBooks, check which supplier invoices from January we haven't paid yet, and pay them from the business account? Login is in the shared doc.

thanks""", "out_of_scope", "excluded", "accounts",
"paying supplier invoices / QuickBooks = excluded"))

S.append(M("2026-02-26 09:30", ("Blue Grey Linen Mill", "accounts@bluegreylinen.example"), "Invoice BGL-2291 overdue",
"""Dear Priya,

According to our records invoice BGL-2291 (linen napkins, 240 units) is now 14 days overdue. Could you please arrange payment at your earliest convenience, or let us know if there is a problem?

Kind regards,
Accounts Department
Blue Grey Linen Mill""", "unknown_sender", "", "", "supplier, not a client contact"))

S.append(M("2026-02-27 10:45", "hannah", "weekend sale",
"""Hi Priya!

We're doing 20% off everything this weekend (starts Saturday 6am). There'll be loads of questions, could you keep an eye on the inbox Saturday and Sunday too and answer people?

Hannah""", "out_of_scope", "quantity", "customer-service",
"inbox cover is Monday-Friday; weekend cover is extra", sig="iphone"))

S.append(M("2026-03-02 09:20", "hannah", "throws + cushions",
"""Hi, 6 new throws and 3 cushion covers for you this week. Info sheet + photos in the 'March' folder. The cushion covers come in three sizes (40, 45, 50cm) so they each need the sizes as options. Thanks!""",
"in_scope", "", "listings", "9 new listings with variants, within 10/week"))

S.append(M("2026-03-04 12:15", "hannah", "Re: throws + cushions",
"""Oh, I forgot the prices for the cushion covers, sorry! Could you just decide them yourself? Have a look at what similar shops charge and pick something sensible.""",
"out_of_scope", "client_duty", "product-info", "prices are part of the client's product info",
reply=Q("va", "2026-03-04 09:05",
"""Hi Hannah,

The 6 throws are live. The cushion covers are ready to go but the info sheet has no prices for them yet - could you send those?

Priya""")))

S.append(M("2026-03-06 14:00", "hannah", "weekly summary",
"""Hi Priya,

Could you add the number of returns (and the reason if we know it) to the weekly summary from now on? Want to see if the jugs are a problem.

Thanks x""", "in_scope", "", "weekly-report", "small addition to the weekly report", fmt="html"))

S.append(M("2026-03-12 15:25", "hannah", "stock update Sunday night?",
"""Hi Priya,

The new garden collection goes out in the Monday morning email at 7am, and I'm scared of oversells. Could you do this week's stock update on Sunday evening instead of Monday? I'll have the count in by Saturday.

H""", "out_of_scope", "deadline", "stock-updates", "stock update earlier than Monday", sig="hannah"))

S.append(M("2026-03-16 10:10", "hannah", "Re: Weekly summary",
"""Lovely, thanks. Next week could you send it on the Monday instead of the Friday? I'm away Friday and won't look at it anyway.""",
"in_scope", "", "weekly-report", "report moved later = in scope",
reply=Q("va", "2026-03-13 16:00",
"""Hi Hannah,

This week's summary, now with returns: 2 returns (1 jug chipped, 1 changed mind).

Priya""")))

S.append(M("2026-03-18 17:30", "leo", "Etsy?",
"""hi Priya, we're thinking of opening an Etsy shop as well. could u copy all our listings over to Etsy and look after the orders there too? or is that a big job""",
"out_of_scope", "new_work", "",
"running an Etsy shop is outside the Shopify work; 'listings' only context"))

S.append(M("2026-03-20 11:05", "hannah", "new mug colours",
"""Hi Priya,

The sage and ochre mugs came in but I haven't had a chance to photograph them. Could you grab the photos from the pottery's website and crop them so they match our square format? Then list them as usual.

Thanks, Hannah""", "out_of_scope", "client_duty;excluded", "product-info;photography",
"sourcing photos is client's job; cropping = photo editing, excluded"))

S.append(M("2026-03-23 08:40", "hannah", "stock",
"""Count's in the sheet. 40 more speckled mugs arrived on Friday so please bump those up too.""",
"in_scope", "", "stock-updates", "weekly stock update", sig="iphone"))

S.append(M("2026-03-27 13:10", "hannah", "catching up",
"""Hi Priya,

Sorry for the radio silence, it's been a mad couple of weeks. The garden collection launch went really well (sold 30 stools in two days!), and Leo has finally built the new packing table so the spare room is usable again.

A customer called Ruth asked in the inbox whether the linen is pre-washed - it is, all of it, so could you reply to her and tell her? Maybe we should add that to the descriptions at some point too, but not now.

Also we might go to the Raleigh craft fair in June, I'll keep you posted.

Have a good weekend!
Hannah""", "in_scope", "", "customer-service",
"answer a customer question, request in the middle of chatty mail; 'not now' is no request",
fmt="alt", sig="hannah"))

S.append(M("2026-04-01 09:50", "hannah", "Easter weekend",
"""Heads up, we're closed over Easter weekend, no stock count this Friday. The shop stays open, orders just ship on Tuesday 7th. I've already put a note on the shipping page. Nothing for you to do, just FYI!""",
"no_request", "", "", "news; 'nothing for you to do'"))

S.append(M("2026-04-06 10:30", "hannah", "garden range part 2",
"""Hi Priya,

8 more garden products in the folder. For the three hero pieces (the big planter, the oak bench and the watering can) could you write proper long descriptions, about 400 words each, telling the story of the makers? There's background in the info sheet. The other five can be normal.

Thank you!
Hannah""", "out_of_scope", "quantity", "listings",
"descriptions of 400 words, limit is 150 per listing", sig="hannah"))

S.append(M("2026-04-08 14:55", "hannah", "Re: refund request order 1203",
"""She's a lovely regular customer, I'd say make an exception even though it's past 30 days. Go ahead and refund her.""",
"in_scope", "", "order-admin", "refund Hannah approves = covered",
reply=Q("va", "2026-04-08 11:20",
"""Hi Hannah,

A customer (order 1203) would like to return a vase she bought 45 days ago. Our policy is 30 days, so I wanted to check with you before refunding.

Priya""")))

S.append(M("2026-04-13 08:35", "leo", "stock sheet",
"""morning, sheet's in. Hannah's away so I did the count, hope it makes sense. the cushions have their own tab now. please update when u can today""",
"in_scope", "", "stock-updates", "Monday stock update from second contact"))

S.append(M("2026-04-20 09:05", "hannah", "stock update Tuesday this week",
"""Hi, I'm at the pottery fair till late tonight so the count will come in tomorrow morning. Could you do the update on Tuesday instead this week?""",
"in_scope", "", "stock-updates", "stock update moved later = in scope"))

S.append(M("2026-05-05 16:20", "hannah", "summary tomorrow?",
"""Hi Priya,

Could you send this week's summary tomorrow (Wednesday) rather than Friday? I've got a meeting with the bank on Thursday about the loan and want the latest numbers.

Thanks!
Hannah""", "out_of_scope", "deadline", "weekly-report", "report two days earlier than Friday"))

S.append(M("2026-05-12 17:40", "hannah", "Mother's Day 💐",
"""Just wanted to say thank you for keeping the inbox under control over Mother's Day, it was our best week ever and I didn't have to think about emails once. You're a star!""",
"no_request", "", "", "thanks", sig="iphone"))

S.append(M("2026-05-15 13:15", ("Kelsey Morgan", "kelsey@wildthymecandles.example"), "Are you taking new clients?",
"""Hi Priya,

Hannah at Fern & Fold recommended you! I run a small candle shop on Shopify and I'm drowning in customer emails. Do you have space for a new client, and could you send me your rates?

Thanks so much,
Kelsey
Wild Thyme Candles""", "unknown_sender", "", "", "prospective client, not a contact of either client"))

S.append(M("2026-05-22 11:30", "hannah", "Fwd: garden stools delay",
"""FYI, see below, the stools will be about three weeks late. Nothing to do yet, I'll let you know when they land and we'll sort the backorders then.

H

---------- Forwarded message ---------
From: Oakhill Woodworks <orders@oakhillwood.example>
Date: Thu, 21 May 2026 at 17:02
Subject: garden stools delay
To: Hannah Brooks <hannah@fernandfold.example>

Hi Hannah, sorry to say our lathe is down and the 40 garden stools will ship around 12 June instead of 22 May. Can you let your customers know?
Best, Dan""", "no_request", "", "",
"forwarded supplier news; the 'can you let your customers know' is the supplier's, and Hannah says nothing to do yet"))

S.append(M("2026-06-22 09:25", "hannah", "stools are here!",
"""Hi Priya,

The stools finally arrived! Count is in the sheet with them included, please update the stock. A few of the people who backordered have emailed the shop asking when theirs will come - could you reply to them that they ship this week?

Thanks so much for your patience with all of this.
Hannah""", "in_scope", "", "stock-updates;customer-service",
"stock update plus replies to customers in the inbox", fmt="alt", sig="hannah"))


# --------------------------------------------------------------------------- building
def addr(name_email):
    name, email = name_email
    return f"{name} <{email}>"


def person(client, who):
    if who == "va":
        return client["va"]
    if isinstance(who, tuple):
        return who
    return client["people"][who]


def quote_block(client, q, to_name):
    name, email = person(client, q["who"])
    dt = when(client, q["dt"])
    if q["style"] == "outlook":
        hour = dt.strftime("%I").lstrip("0")
        head = ("-----Original Message-----\n"
                f"From: {name} <{email}>\n"
                f"Sent: {dt.strftime('%A')}, {dt.strftime('%B')} {dt.day}, {dt.year} {hour}:{dt.strftime('%M %p')}\n"
                f"To: {to_name}\n"
                f"Subject: {q['subject']}\n\n")
        return head + q["text"]
    head = f"On {dt.strftime('%a')}, {dt.day} {dt.strftime('%b %Y')} at {dt.strftime('%H:%M')}, {name} <{email}> wrote:\n"
    return head + "\n".join(("> " + l) if l else ">" for l in q["text"].split("\n"))


def to_html(text, quoted=None):
    parts = []
    for para in text.split("\n\n"):
        parts.append("<p>" + html.escape(para).replace("\n", "<br>\n") + "</p>")
    body = "\n".join(parts)
    if quoted:
        qh = html.escape(quoted).replace("\n", "<br>\n")
        body += f'\n<div class="quote"><blockquote type="cite" style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">{qh}</blockquote></div>'
    return f'<html><head><meta charset="utf-8"></head><body style="font-family:Arial,sans-serif;font-size:14px">\n{body}\n</body></html>\n'


# a few swaps so every out-of-scope category also appears in each client's holdout
FORCE_SPLIT = {
    ("en-podcast", 33): "dev", ("en-podcast", 40): "holdout",
    ("en-shop", 25): "dev", ("en-shop", 23): "holdout",
}


def build_client(client, mails, rows):
    prev = None
    seen = {}
    for n, m in enumerate(mails, 1):
        # holdout: every third mail of each verdict per client (2nd, 5th, 8th, ...)
        k = seen.get(m["verdict"], 0)
        seen[m["verdict"]] = k + 1
        split = "holdout" if k % 3 == 1 else "dev"
        split = FORCE_SPLIT.get((client["id"], n), split)
        dt = when(client, m["dt"])
        assert prev is None or dt > prev, (client["id"], n)
        prev = dt
        assert datetime(2026, 1, 5, tzinfo=timezone.utc) <= dt <= datetime(2026, 7, 1, tzinfo=timezone.utc)
        frm = person(client, m["who"])
        rel = f"{client['lang']}/{split}/{client['id']}-{n:03d}.eml"
        msg = EmailMessage()
        msg["From"] = addr(frm)
        msg["To"] = addr(client["va"])
        msg["Subject"] = m["subject"]
        msg["Date"] = format_datetime(dt)
        dom = frm[1].split("@")[1]
        msg["Message-ID"] = f"<{client['id']}-{n:03d}.{dt.strftime('%Y%m%d%H%M')}@{dom}>"
        text = m["body"]
        sig = m.get("sig")
        if sig == "iphone":
            text += "\n\nSent from my iPhone"
        elif sig:
            key = m["who"] if sig in ("maya", "tom", "hannah", "leo") else sig
            text += "\n\n" + client["sigs"][key]
        quoted = None
        q = m.get("reply")
        if q:
            q = dict(q)
            q.setdefault("subject", m["subject"][4:] if m["subject"].lower().startswith("re: ") else m["subject"])
            qname, qemail = person(client, q["who"])
            qdt = when(client, q["dt"])
            assert qdt < dt, (client["id"], n)
            qid = f"<q-{client['id']}-{n:03d}.{qdt.strftime('%Y%m%d%H%M')}@{qemail.split('@')[1]}>"
            msg["In-Reply-To"] = qid
            msg["References"] = qid
            quoted = quote_block(client, q, addr(frm))
        full = text + ("\n\n" + quoted if quoted else "") + "\n"
        fmt = m.get("fmt", "plain")
        if fmt == "html":
            msg.set_content(to_html(text, quoted), subtype="html")
        elif fmt == "alt":
            msg.set_content(full)
            msg.add_alternative(to_html(text, quoted), subtype="html")
            # a fixed boundary keeps the output byte-identical between runs
            msg.set_boundary("=_" + hashlib.sha1(rel.encode()).hexdigest()[:24])
        else:
            msg.set_content(full)
        out = HERE / "mail" / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(bytes(msg))
        verdict = m["verdict"]
        assert verdict in ("in_scope", "out_of_scope", "no_request", "unknown_sender")
        if verdict != "out_of_scope":
            assert not m["cats"]
        else:
            assert m["cats"]
        rows.append({
            "file": rel,
            "client": "" if verdict == "unknown_sender" else client["id"],
            "verdict": verdict,
            "categories": m["cats"],
            "item": m["item"],
            "note": m["note"],
        })


def main():
    # only this script's own mails: the other writers' scripts share mail/
    for old in (HERE / "mail").glob("*/*/en-[ps][oh]*-[0-9][0-9][0-9].eml"):
        if old.name.startswith(("en-podcast-", "en-shop-")):
            old.unlink()
    rows = []
    build_client(PODCAST, P, rows)
    build_client(SHOP, S, rows)
    with open(HERE / f"labels-{ME}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["file", "client", "verdict", "categories", "item", "note"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} mails")


if __name__ == "__main__":
    main()
