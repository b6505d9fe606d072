"""Arbitrary JSON shaped somewhat like Block Kit, for the page's never-crash properties."""

from __future__ import annotations

from hypothesis import strategies as st

from handlers.sandbox.page.blocks_html import BLOCKS
from handlers.sandbox.page.elements_html import ELEMENTS

KEYS = [
    "type",
    "text",
    "block_id",
    "action_id",
    "elements",
    "element",
    "accessory",
    "fields",
    "options",
    "option_groups",
    "initial_option",
    "initial_options",
    "initial_user",
    "initial_users",
    "initial_date",
    "initial_value",
    "label",
    "hint",
    "optional",
    "placeholder",
    "value",
    "style",
    "confirm",
    "title",
    "alt_text",
    "url",
    "user_id",
    "channel_id",
    "unicode",
    "name",
    "multiline",
    "max_length",
    "min_length",
    "description",
    "blocks",
    "submit",
    "close",
    "emoji",
]
TYPES = [
    *BLOCKS,
    *ELEMENTS,
    "mrkdwn",
    "plain_text",
    "image",
    "rich_text_section",
    "rich_text_list",
    "rich_text_quote",
    "text",
    "link",
    "user",
    "emoji",
    "modal",
    "home",
]
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(TYPES),
    st.text(alphabet="<>&\"'*_:ab", max_size=8),
)
JSON = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner),
    max_leaves=25,
)
BLOCK_LISTS = st.lists(st.dictionaries(st.sampled_from(KEYS), JSON), max_size=4)
