"""Web pages and feeds become articles: main text and metadata of a page
(``extract``), and what fetches, reads feeds and writes article files."""
