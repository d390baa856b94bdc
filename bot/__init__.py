"""ArticleBot: answers questions about a library of articles."""

__version__ = "0.1.0"
