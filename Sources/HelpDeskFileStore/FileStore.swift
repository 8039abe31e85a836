import HelpDeskKit

/// Namespace placeholder until the durable file store lands.
public enum HelpDeskFileStoreModule {}
