"""Mailbox sources (IMAP with IDLE, local Maildir): deliver raw messages without changing the mailbox."""

from scopewatch.ingest.base import FetchedMessage, FolderState, MailSource
from scopewatch.ingest.imap import ImapSource
from scopewatch.ingest.maildir import MaildirSource

__all__ = ["FetchedMessage", "FolderState", "MailSource", "ImapSource", "MaildirSource"]
