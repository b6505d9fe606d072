"""Teams dialogs: the forms (Adaptive Cards in a task module) in which free text is entered,
so that it is never typed where every member of a chat sees it."""
