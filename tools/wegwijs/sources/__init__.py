"""Reading the project's sources: Markdown pages and their front matter, media, places."""
