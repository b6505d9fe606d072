"""English messages."""

MESSAGES: dict[str, str] = {
    "welcome_fallback": "Welcome to team {code}",
    "welcome_header": "Welcome to team {code}",
    "welcome_intro": (
        "This is the shared workspace of the client's My Team. The client chose the members."
        "\n*Convenor:* {convenor}\n*Members:* {members}"
    ),
    "welcome_do": (
        "*Note here* the shared plan: the client's goals and small steps (who does what by "
        "when), meeting times and what was agreed."
    ),
    "welcome_dont": (
        "*Never write here* the client's name, personal identity code, diagnoses, medication "
        "or child-welfare details. Official entries go into each member's own client record "
        "system."
    ),
    "welcome_next": (
        "Next: `/askel tavoite …` · `/askel Call Kela @name by Friday` · "
        "`/tiimi lisää @name profession` · `/tiimi suunnitelma` · `/tiimi ohje`"
    ),
    "welcome_agenda": (
        "*Agenda of the first meeting:*\n1. Getting to know each other.\n2. The client's goals in their own words.\n3. The first small steps: who does what by when.\n4. Agreeing on the next meeting."
    ),
    "consent_recorded_command": (
        "Consent: {user} confirmed {when} with `/tiimi uusi` that the client chose the members and consent is recorded in the client record system."
    ),
    "consent_recorded_form": (
        "Consent: {user} confirmed {when} in the form that the client chose the members and consent is recorded in the client record system."
    ),
    "profession_other_invalid": (
        "Write the profession after the colon, at most {max} characters, e.g. `other: family worker`. No personal names."
    ),
    "organisation_invalid": (
        "The organisation or unit may be at most {max} characters. No personal names."
    ),
    "team_opened": "Team *{code}* is open: {channel}",
    "team_being_opened": "Team {code} is being opened. Please wait a moment.",
    "not_invited": "These members could not be invited to the channel: {users}. Add them "
    "later with `/tiimi lisää`.",
    "open_restricted": (
        "The team could not be opened: the workspace settings do not allow apps to create "
        "private channels. Ask a workspace admin to allow it. Nothing was left half-done."
    ),
    "open_failed_platform": (
        "The team could not be opened because Slack did not answer as expected. Nothing was "
        "left half-done; please try again in a moment."
    ),
    "modal_title": "New team",
    "modal_intro": (
        "The team gets a neutral code and its own private channel. Never type anything that "
        "identifies the client."
    ),
    "modal_members_label": "Members chosen by the client",
    "modal_consent_label": "Client's consent",
    "modal_consent_option": "The client chose the members; consent is recorded.",
    "modal_consent_hint": (
        "The client has chosen these members and consent is recorded in the client record system."
    ),
    "modal_consent_required": "Confirm that the client chose the members and consent is recorded.",
    "modal_submit": "Open team",
    "modal_cancel": "Cancel",
    "member_added": "{user} has been added to the team.",
    "member_profession_changed": "The profession of {user} has been updated.",
    "member_removed": "{user} has been removed from the team.",
    "convenor_changed": "{user} is now the team's convenor.",
    "convenor_changed_notice": ("{old} handed over the convenor role: the new convenor is {new}."),
    "members_header": "Members of team {code} ({count})",
    "convenor": "convenor",
    "profession_unknown": "no profession given",
    "already_member": "{user} is already a member of the team.",
    "invite_failed": "{user} could not be invited to the channel. Nothing was changed.",
    "not_member_target": "{user} is not a member of the team.",
    "cannot_remove_convenor": (
        "The convenor cannot be removed. Hand over the role first: `/tiimi vastuu @name`."
    ),
    "already_convenor": "{user} is already the team's convenor.",
    "convenor_must_be_member": (
        "{user} is not a member of the team. Add them first: `/tiimi lisää @name profession`."
    ),
    "only_convenor": "Only the team's convenor {convenor} can do this.",
    "unknown_profession": "Unknown profession. Options: {options} or `other: profession`.",
    "close_choose_reason": "Why is team {code} closing? Choose the reason:",
    "reason_goals_reached": "goals reached",
    "reason_client_wish": "client's wish",
    "reason_moved_to_one_service": "moved to one service",
    "reason_other": "other",
    "close_reason_unknown": (
        "Unknown reason. Type one of: goals reached, client's wish, moved to one service, other."
    ),
    "closed_fallback": "Team {code} is closed",
    "closed_header": "Team {code} is closed",
    "closed_summary": (
        "*Reason:* {reason}\n*Opened:* {opened} · *closed:* {closed} ({days} days)\n"
        "*Members:* {members} · *steps:* {steps}, {done} of them done · "
        "*meetings:* {meetings}"
    ),
    "closed_record_reminder": (
        "Remember to record the team's closing in your own client record system. The bot has "
        "removed its messages with the team's plan from the channel and archives the channel. "
        "The team's members get the plan for themselves with `/tiimi vie {code}` until "
        "{until}; after that the content is deleted."
    ),
    "team_closed_done": (
        "Team {code} is closed. The bot is now removing its messages with the plan from the "
        "channel and will then archive the channel; this may take a few minutes."
    ),
    "not_team_channel": (
        "This command works only in a team's own channel. Open a new team with `/tiimi uusi`."
    ),
    "team_closed": "Team {code} is closed and can no longer be changed.",
    "team_not_ready": "Team {code} is still being opened. Please try again in a moment.",
    "not_a_member": "Only members of team {code} can do this.",
    "usage_open": (
        "Mention the members with @, each optionally followed by a profession and organisation, "
        "for example `/tiimi uusi @Anna social counsellor @Bertta physiotherapist`. Do not type "
        "names or other text. Without members, `/tiimi uusi` opens a form."
    ),
    "usage_add": (
        "Usage: `/tiimi lisää @name [profession] [organisation]`, e.g. "
        "`/tiimi lisää @Anna social counsellor City of Tampere` or "
        "`/tiimi lisää @Anna other: family worker, Sininauhasäätiö`."
    ),
    "usage_remove": "Usage: `/tiimi poista @name`.",
    "usage_hand_over": "Usage: `/tiimi vastuu @name`, as a coordinator `/tiimi vastuu MT-2026-0042 @name`.",
    "privacy_hetu": (
        "The message contains a personal identity code. Identity codes must not be written in "
        "the team, so nothing was saved. Please write the message again without it."
    ),
    "privacy_hetu_like": (
        "The message contains something that looks like a personal identity code. Nothing was "
        "saved. Please write the message again without it."
    ),
    "help_header": "Tiimi – the My Team assistant",
    "help_unknown": "I did not recognise that command. Here are the commands:",
    "help_body": (
        "`/tiimi uusi @Anna @Bertta` – opens a team for the members the client chose · "
        "`/tiimi uusi` – opens the form\n"
        "`/tiimi lisää @Anna social counsellor City of Tampere` – adds a member, their "
        "profession (or `other: …`) and organisation\n"
        "`/tiimi poista @Anna` – removes a member\n"
        "`/tiimi jäsenet` – lists the members and their professions, and the participants\n"
        "`/tiimi participant add NGO worker Blue Ribbon contact @Bertta` – adds a participant "
        "without a Slack account (close person, NGO worker, professional of another "
        "organisation) by role and organisation, never by name; their contact (by default the "
        "convenor) gets the reminders of their steps · `/tiimi participant remove P2` · "
        "`/tiimi participant contact P2 @Anna`\n"
        "`/tiimi suunnitelma` – shows the goals, steps and members\n"
        "`/tiimi vie` – the plan as text for your own client record system\n"
        "`/tiimi tapaaminen Fri 11.12. 14:00 Library` – books a meeting (reminders go to the "
        "channel; several can be booked); `/tiimi tapaaminen` – the booked meetings, numbered; "
        "`/tiimi tapaaminen siirrä 2 Tue 10:00`, `/tiimi tapaaminen peru 2`\n"
        "Convenor: `/tiimi vastuu @Bertta` – hands over the convenor role · `/tiimi sulje "
        "goals reached` – closes the team (reasons: goals reached, client's wish, moved to "
        "one service, other; without a reason you get buttons to choose from)\n"
        "`/tiimi avoimet` – your own open teams\n"
        "`/askel ohje` – the help on steps and goals alone\n"
        "`/tiimi ohje` – this help"
    ),
    "help_privacy": (
        "Do not type the client's name, identity code or health information. Official entries "
        "go into your own client record system."
    ),
    "busy_restarting": (
        "Tiimi is restarting and could not handle the request yet. Nothing was saved; "
        "please try again in a moment."
    ),
    "generic_error": (
        "Something went wrong and the request could not be handled. Nothing was left "
        "half-done; please try again in a moment."
    ),
    "home_header": "My teams",
    "home_team_line": "*{code}* · {channel}",
    "home_no_teams": "You are not a member of any team yet. Open one with `/tiimi uusi`.",
    "askel_help_header": "Steps – the team's shared plan",
    "askel_help_body": "`/askel Call Kela @Anna @Bertta by Friday` – adds a small step: what, who (one or more) and by when\n`/askel Apply for support owner: client by 11.12.` – the owner can be the client, a close person or a profession\n`/askel T1: Go to a flat viewing owner: close person by week 50` – a step towards goal T1\n`/askel tavoite Own home by spring` – adds a goal in the client's own words\n`/askel lista` – open steps · `/askel kaikki` – finished ones too\n`/askel owner 3 @Carita client` – changes the step's owners (members, `client`, `close person`, `P2`…)\n`/askel valmis 3` · `/askel ei 3` (not carried out) · `/askel siirrä 3 Fri` · `/askel muokkaa 3 new text` · `/askel poista 3`\n`/askel` – opens the form · `/tiimi suunnitelma` – the whole plan · `/tiimi vie` – text for your records\nDates: `12.12.`, `12.12.2026`, `tomorrow`, `Fri`, `Friday`, `next week`, `week 50`, `in 3 days`.",
    "goal_added": "Goal T{number} has been added.",
    "step_added": "Step {number} has been added and is shown in the channel.",
    "step_done_done": "Step {number} has been marked as done.",
    "step_not_done_done": "Step {number} has been marked as not carried out.",
    "step_deleted_done": "Step {number} has been deleted.",
    "step_already_done": "Step {number} is already marked as done.",
    "step_already_not_done": "Step {number} is already marked as not carried out.",
    "step_already_deleted": "Step {number} has already been deleted.",
    "step_rescheduled": "The deadline of step {number} has been moved.",
    "step_edited": "Step {number} has been edited.",
    "step_deleted_notice": "Step {number} has been removed from the plan.",
    "step_fallback": "Step {number}: {text}",
    "step_changed_by": "Last changed by {user}",
    "unknown_step": "There is no step {number}. See the numbers with `/askel lista`.",
    "unknown_goal": "There is no goal T{number}. See the goals with `/tiimi suunnitelma`.",
    "owner_not_member": "{user} is not a member of the team. Add them first with `/tiimi lisää`.",
    "unknown_owner_role": "Unknown owner. Write for example `owner: client`, `owner: close person` or a profession, such as `owner: social counsellor`.",
    "text_too_long": "The text is too long (at most {limit} characters). Please write it shorter.",
    "usage_step": "Write a step, for example `/askel Call Kela @Anna by Friday`.",
    "usage_goal": "Write a goal, for example `/askel tavoite Own home by spring`.",
    "usage_step_done": "Usage: `/askel valmis <number>`, e.g. `/askel valmis 3`.",
    "usage_step_not_done": "Usage: `/askel ei <number>`, e.g. `/askel ei 3`.",
    "usage_step_delete": "Usage: `/askel poista <number>`, e.g. `/askel poista 3`.",
    "usage_step_move": "Usage: `/askel siirrä <number> <date>`, e.g. `/askel siirrä 3 Fri`.",
    "usage_step_edit": "Usage: `/askel muokkaa <number> <text>`, e.g. `/askel muokkaa 3 Call Kela on Monday`.",
    "status_open": "open",
    "status_done": "done",
    "status_not_done": "not carried out",
    "status_deleted": "deleted",
    "overdue_mark": "⚠️ overdue",
    "needs_new_owner_mark": "⚠️ needs a new owner",
    "owner_none": "owner not agreed",
    "due_none": "no deadline",
    "button_done": "Done",
    "button_not_done": "Not carried out",
    "button_move": "Reschedule",
    "button_prev": "Previous page",
    "button_next": "Next page",
    "steps_header_open": "Open steps of team {code}",
    "steps_header_all": "All steps of team {code}",
    "steps_none": "No steps yet. Add the first one: `/askel Call Kela @Anna by Friday`.",
    "plan_header": "Plan of team {code}",
    "goals_title": "Goals",
    "goals_none": "No goals yet. Add the client's goal: `/askel tavoite …`.",
    "steps_title": "Steps",
    "steps_title_open": "Open steps",
    "steps_title_done": "Done",
    "steps_title_not_done": "Not carried out",
    "members_title": "Members",
    "page_of": "Page {page} of {pages}",
    "export_header": "The plan for your records (only you can see this)",
    "export_title": "My Team {code}: shared plan",
    "export_dates": "Team opened {opened}. Printed {today}.",
    "form_step_title": "New step",
    "form_step_text": "What will be done?",
    "form_owner_member": "Who in the team is responsible? (you can pick several)",
    "form_owner_role": "…and others responsible (e.g. client, close person)",
    "form_due": "By when?",
    "form_goal": "Goal",
    "form_save": "Save",
    "form_move_title": "Reschedule step {number}",
    "form_new_due": "New deadline",
    "form_due_required": "Choose a date.",
    "date_unrecognised": "I did not recognise the date. Write for example `12.12.`, `Fri`, `tomorrow`, `next week` or `week 50`.",
    "date_impossible": "That date does not exist. Check the day and the month.",
    "date_past": "The date {date} has already passed. Choose a future day.",
    "date_weekday_mismatch": "The weekday and the date do not match: {written} or {weekday_date}? Write it again with one of them.",
    "date_impossible_time": "That time does not exist. Write for example `at 14` or `14:30`.",
    "date_nonexistent_time": "This time does not exist because the clocks go forward to summer time. Choose another time.",
    "date_missing_time": "Add the time too, for example `at 14`.",
    "date_missing_date": "Add the day too, for example `Fri 14:00`.",
    "date_spoken_time": "Write the time in figures, for example `14:30` (not `half past two` or `quarter past`): the words do not say whether it is morning or afternoon.",
    "date_end_before_start": "The meeting must end on the same day after it starts. Write for example `at 14-15`.",
    "meeting_booked": "The meeting is booked: *{when}*. The channel will get a reminder before the meeting.",
    "meeting_moved": "The meeting has been moved: *{when}*. Its reminders moved with it.",
    "meeting_cancelled": "The meeting on {when} has been cancelled, and so have its reminders.",
    "meeting_already_booked": "A meeting is already booked at that time. See the booked meetings with `/tiimi tapaaminen`.",
    "no_meeting_booked": "No next meeting has been booked. Book one with `/tiimi tapaaminen Fri 11.12. 14:00`.",
    "usage_meeting_move": "Usage: `/tiimi tapaaminen siirrä <number> <time>`, e.g. `/tiimi tapaaminen siirrä 2 Tue 10:00`. See the numbers with `/tiimi tapaaminen`.",
    "usage_meeting_cancel": "Usage: `/tiimi tapaaminen peru <number>`, e.g. `/tiimi tapaaminen peru 2`. See the numbers with `/tiimi tapaaminen`.",
    "meeting_which": "The team has {count} meetings booked. Give the meeting's number, e.g. `/tiimi tapaaminen peru 2`. See the numbers with `/tiimi tapaaminen`.",
    "meeting_number_unknown": "There is no meeting number {number}. {count} meetings are booked: see them with `/tiimi tapaaminen`.",
    "meetings_too_many": "The team already has {limit} meetings booked. Book more once some of them have been held.",
    "meetings_upcoming_title": "Booked meetings ({count})",
    "meetings_upcoming_hint": "Move: `/tiimi tapaaminen siirrä 1 Tue 10:00` · cancel: `/tiimi tapaaminen peru 1`",
    "meeting_moved_notice": "{user} moved the meeting on {was}. New time: *{when}*.",
    "meeting_cancelled_notice": "{user} cancelled the meeting on {when}.",
    "next_meeting_title": "Next meeting",
    "meetings_title": "Meetings",
    "meetings_none": "No meetings.",
    "nudge_snoozed": "OK, I will remind you again on {when}.",
    "button_snooze_day": "Remind me tomorrow",
    "button_snooze_week": "Remind me in a week",
    "reminder_meeting_header": "Reminder: team meeting on {when}",
    "reminder_meeting_place": "*Place:* {place}",
    "reminder_agenda": "Agenda: open steps",
    "reminder_agenda_empty": "No open steps. Agree on the next small steps at the meeting.",
    "reminder_late": "This reminder is late because the bot was not running at the time.",
    "reminder_after_ask": "The meeting on {when} is over. Was it held?",
    "reminder_after_held": "{user} answered that the meeting on {when} was held. Remember to record it, each in your own client record system.",
    "reminder_after_not_held": "{user} answered that the meeting on {when} was not held. It is not counted in the statistics.",
    "button_meeting_held": "Held",
    "button_meeting_not_held": "Not held",
    "meeting_outcome_saved": "Thank you, the answer is marked in the channel's message.",
    "meeting_outcome_unknown": "This meeting can no longer be answered: it was cancelled or has not taken place yet.",
    "reminder_after_book_next": "The next meeting has not been booked yet. Book it: `/tiimi tapaaminen Fri 11.12. 14:00`.",
    "reminder_after_next": "Next meeting: {when}",
    "reminder_step_due": "{owner}, reminder: step {number} is due today: {text}",
    "reminder_step_due_on": "{owner}, reminder: step {number} is due on {date}: {text}",
    "reminder_step_was_due": "{owner}, reminder: step {number} was due on {date}: {text}",
    "reminder_nudge": "{convenor}, the team has no meeting booked. Shall we book the next one? `/tiimi tapaaminen Fri 11.12. 14:00`",
    "reminder_nudge_since": "The last meeting was on {date}.",
    "reminder_failed_notice": "A reminder for team {code} could not be sent to the channel (reason: {reason}). Check that the channel exists and that the bot is a member of it.",
    "only_coordinators": "Only coordinators can do this.",
    "overview_header_all": "Open teams ({count}), those needing attention first",
    "overview_header_mine": "Your open teams ({count})",
    "overview_none": "No open teams match these conditions.",
    "overview_convenor": "convenor {user}",
    "overview_age": "{days} d",
    "overview_members": "{count} members",
    "overview_next": "next meeting {date}",
    "overview_no_meeting": "⚠️ no meeting booked",
    "overview_since_last": "{days} d since the last",
    "overview_to_first": "{days} d to the first meeting",
    "overview_steps": "steps {open} open, {overdue} overdue",
    "overview_failed": "⚠️ {count} reminders failed",
    "overview_csv_title": "Open teams",
    "overview_csv_sent": "The table ({count} teams) was sent to you as a CSV file in a direct message.",
    "usage_open_teams": "Usage: `/tiimi avoimet [ilman tapaamista] [myöhässä] [vanhat] [vastuu @name]` or `/tiimi avoimet csv`.",
    "usage_statistics": "Usage: `/tiimi tilastot` (the last 365 days) or `/tiimi tilastot 2026`.",
    "stats_header": "Statistics {period}",
    "stats_no_data": "no data",
    "stats_opened_closed": "*Teams opened:* {opened} · *closed:* {closed}",
    "stats_reasons": "*Closing reasons:* {reasons}",
    "stats_first_meeting": "*From opening to the first meeting (median):* {days} d",
    "stats_interval": "*Between meetings (median):* {days} d",
    "stats_on_time": "*Steps done by their due date:* {share}",
    "stats_professions": "*Professions (teams):* {professions}",
    "home_my_steps": "My open steps",
    "home_no_steps": "You have no open steps.",
    "home_more_teams_one": "…and {count} more team. See all your teams with `/tiimi avoimet`.",
    "home_more_teams": "…and {count} more teams. See all your teams with `/tiimi avoimet`.",
    "home_more_steps_one": (
        "…and {count} more step. See all of a team's steps in its channel with `/askel lista`."
    ),
    "home_more_steps": (
        "…and {count} more steps. See all of a team's steps in its channel with `/askel lista`."
    ),
    "home_orphans": "Steps that need a new owner",
    "home_coordinator": "For coordinators: open teams",
    "home_counts": "*{open}* open teams · *{unbooked}* without a booked meeting · *{late}* with overdue steps",
    "channel_unavailable": "The team's channel has been archived or the bot was removed from it, so this could not be done. Ask the convenor to check the channel.",
    "steps_more": "…and {count} more steps. The whole plan page by page: `/tiimi suunnitelma`.",
    # the channel is the boundary; coordinator rights; deactivated accounts
    "uninvited_removed": (
        "{user} was added to team {code}'s channel {channel} with Slack's own dialog, "
        "so I removed them from the channel: the whole plan shows in the channel, and only "
        "the people the client chose belong to the team. If the client chose them, add them "
        "in the channel with `/tiimi lisää @name`, which notes the client's consent."
    ),
    "uninvited_not_removed": (
        "{user} was added to team {code}'s channel {channel} with Slack's own dialog, "
        "but I could not remove them. Remove them from the channel in Slack: the whole plan "
        "shows in the channel, and only the people the client chose belong to the team. If "
        "the client chose them, add them with `/tiimi lisää @name`, which notes the client's "
        "consent."
    ),
    "uninvited_inviter": "They were added to the channel by {inviter}.",
    "coordinator_unchecked": (
        "Your coordinator rights could not be checked right now, because Slack's coordinator "
        "user group could not be read. Please try again in a moment."
    ),
    "home_coordinator_unchecked": (
        "The coordinator summary could not be shown: the coordinator user group could not be "
        "read from Slack right now."
    ),
    "member_deactivated": "⚠️ Slack account deactivated",
    "overview_deactivated": "⚠️ {count} members' Slack accounts deactivated",
    "overview_convenor_deactivated": "⚠️ the convenor's Slack account deactivated",
    "closed_convenor": "*Convenor:* {user}",
    "closed_by": "*Closed by:* {user}",
    "closed_by_coordinator": "*Closed by:* coordinator {user}",
    "convenor_changed_by_coordinator_notice": (
        "Coordinator {coordinator} handed over the convenor role: the new convenor "
        "is {new} (previously {old})."
    ),
    "convenor_changed_by_code": "{user} is now the convenor of team {code}. The change was announced in the team channel.",
    "team_code_refused": (
        "Team {code} was not found, or you have no access to it. Only the team's members "
        "get its plan, and for a closed team those who were members when it closed."
    ),
    "team_content_purged": (
        "The content of team {code} was deleted after the retention period, so the plan "
        "can no longer be exported."
    ),
    "usage_export": "Usage: `/tiimi vie` in the team channel, or `/tiimi vie MT-2026-0042` anywhere.",
    "by_code_only_coordinators": (
        "Only a coordinator can address a team by its code. Convenor: use the command "
        "in the team's own channel."
    ),
    "help_by_code": (
        "`/tiimi vie MT-2026-0042` – the plan for you only, from anywhere, also of a closed "
        "team you were a member of (until the end of the retention period)"
    ),
    "help_coordinators_header": "For coordinators",
    "help_coordinators": (
        "`/tiimi avoimet` – every open team, those needing attention most first; filters: "
        "`/tiimi avoimet ilman tapaamista`, `myöhässä`, `vanhat`, `vastuu @Bertta`\n"
        "`/tiimi avoimet csv` – the table as a CSV file in a private message\n"
        "`/tiimi tilastot` – the last 365 days · `/tiimi tilastot 2026` – one year\n"
        "`/tiimi vastuu MT-2026-0042 @Bertta` – hands over the convenor role from anywhere\n"
        "`/tiimi sulje MT-2026-0042 other` – closes the team from anywhere"
    ),
    "usage_participant": "Usage: `/tiimi participant add <role> [organisation] [contact @name]`, `/tiimi participant remove P<number>` or `/tiimi participant contact P<number> @name`. `/tiimi members` shows the participants and their numbers.",
    "unknown_participant_role": "Unknown role. Write for example `close person`, `NGO worker Blue Ribbon` or `professional Kela`. Do not write a name.",
    "client_is_participant": "The client is a participant of the team (P1) from its opening.",
    "client_cannot_be_removed": "The client (P1) cannot be removed from the team.",
    "unknown_participant": "There is no participant P{number}. `/tiimi members` shows the participants.",
    "contact_not_member": "{user} is not a member of the team and so cannot be the contact.",
    "participant_added": "Participant {participant} added. Their contact {contact} gets the reminders of their steps. A participant is named by role and organisation only, never by name.",
    "participant_removed": "Participant {participant} removed. Their open steps need a new owner.",
    "participant_contact_changed": "The contact of participant {participant} is now {contact}.",
    "participant_contact": "contact {contact}",
    "participant_with_contact": "{participant} (contact {contact})",
    "participants_title": "Participants",
    "participants_none": "–",
    "participants_no_names": "Participants without a Slack account are named by role and organisation, never by name: `/tiimi participant add close person`.",
    "closed_participants_one": "*Participants without a Slack account:* {count}",
    "closed_participants": "*Participants without a Slack account:* {count}",
    "home_contact_for": "{participant} (you are the contact)",
    "usage_step_owners": "Usage: `/askel owner <number> @name…`, e.g. `/askel owner 3 @Carita` or `/askel owner 3 client`.",
    "step_owners_changed": "The owners of step {number} have been changed.",
    "edit_owner_hint": "Editing changes only the step's text. Change the owner with `/askel owner {number} @name`.",
}
