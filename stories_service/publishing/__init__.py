"""Publishing: materialising approved stories, the public site, feeds, webhooks and export."""
