"""English messages."""

MESSAGES: dict[str, str] = {
    "welcome_fallback": "Welcome to team {code}",
    "welcome_header": "Welcome to team {code}",
    "welcome_intro": (
        "This is the shared workspace of the client's My Team. The client chose the members."
        "\n*Convenor:* <@{convenor}>\n*Members:* {members}"
    ),
    "welcome_do": (
        "*Record here* the shared plan: the client's goals and small steps (who does what by "
        "when), meeting times and what was agreed."
    ),
    "welcome_dont": (
        "*Never write here* the client's name, personal identity code, diagnoses, medication "
        "or child-welfare details. Official entries go into each member's own client record "
        "system."
    ),
    "welcome_next": (
        "Next: `/tiimi lisää @name profession` · `/tiimi jäsenet` · `/tiimi vastuu @name` · "
        "`/tiimi sulje` · `/tiimi ohje`"
    ),
    "team_opened": "Team *{code}* is open: <#{channel}>",
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
    "member_added": "<@{user}> has been added to the team.",
    "member_profession_changed": "The profession of <@{user}> has been updated.",
    "member_removed": "<@{user}> has been removed from the team.",
    "convenor_changed": "<@{user}> is now the team's convenor.",
    "convenor_changed_notice": (
        "<@{old}> handed over the convenor role: the new convenor is <@{new}>."
    ),
    "members_header": "Members of team {code} ({count})",
    "convenor": "convenor",
    "profession_unknown": "no profession given",
    "already_member": "<@{user}> is already a member of the team.",
    "invite_failed": "<@{user}> could not be invited to the channel. Nothing was changed.",
    "not_member_target": "<@{user}> is not a member of the team.",
    "cannot_remove_convenor": (
        "The convenor cannot be removed. Hand over the role first: `/tiimi vastuu @name`."
    ),
    "already_convenor": "<@{user}> is already the team's convenor.",
    "convenor_must_be_member": (
        "<@{user}> is not a member of the team. Add them first: `/tiimi lisää @name profession`."
    ),
    "only_convenor": "Only the team's convenor <@{convenor}> can do this.",
    "unknown_profession": "Unknown profession. Options: {options}.",
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
        "*Reason:* {reason}\n*The team worked for:* {days} days\n*Members:* {count}\n"
        "*Convenor:* <@{convenor}>"
    ),
    "closed_record_reminder": (
        "Remember to record the team's closing in your own client record system. The channel "
        "is archived and the team is read-only from now on."
    ),
    "team_closed_done": "Team {code} is closed and its channel archived.",
    "not_team_channel": (
        "This command works only in a team's own channel. Open a new team with `/tiimi uusi`."
    ),
    "team_closed": "Team {code} is closed and can no longer be changed.",
    "team_not_ready": "Team {code} is still being opened. Please try again in a moment.",
    "not_a_member": "Only members of team {code} can do this.",
    "usage_open": (
        "Mention the members with @, for example `/tiimi uusi @Anna @Bertta`. Do not type "
        "names or other text. Without members, `/tiimi uusi` opens a form."
    ),
    "usage_add": (
        "Usage: `/tiimi lisää @name [profession]`, e.g. `/tiimi lisää @Anna social counsellor`."
    ),
    "usage_remove": "Usage: `/tiimi poista @name`.",
    "usage_hand_over": "Usage: `/tiimi vastuu @name`.",
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
        "`/tiimi uusi @Anna @Bertta` – opens a team for the members the client chose "
        "(without names a form opens)\n"
        "`/tiimi lisää @Anna social counsellor` – adds a member and their profession\n"
        "`/tiimi poista @Anna` – removes a member\n"
        "`/tiimi vastuu @Bertta` – hands over the convenor role\n"
        "`/tiimi jäsenet` – lists the members and their professions\n"
        "`/tiimi sulje goals reached` – closes the team (reasons: goals reached, client's "
        "wish, moved to one service, other)\n"
        "`/tiimi ohje` – this help"
    ),
    "help_privacy": (
        "Do not type the client's name, identity code or health information. Official entries "
        "go into your own client record system."
    ),
    "generic_error": (
        "Something went wrong and the request could not be handled. Nothing was left "
        "half-done; please try again in a moment."
    ),
    "home_header": "My teams",
    "home_team_line": "*{code}* · <#{channel}>",
    "home_no_teams": "You are not a member of any team yet. Open one with `/tiimi uusi`.",
}
