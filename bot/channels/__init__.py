"""Channel connectors: the website widget (socket.io) and Telegram."""
