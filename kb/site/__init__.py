"""The site as a whole: its starting content, its sitemap, backups."""
