"""Receipt codes: the survivor's only key to their submission."""
