"""`/tiimi`: opening, members, closing and the command grammar of a case team."""
