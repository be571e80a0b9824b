"""The moderation desk's stored side: claims, revisions, the survivor's consent check,
approval and rejection, reads of the original. Each operation loads the rows, asks the rules
in ``moderation`` and writes the change with its audit entry in one transaction."""
