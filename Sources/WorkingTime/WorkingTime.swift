/// Working-time calendars: schedules, exceptions and deadline math in a time zone.
public enum WorkingTimeModule {}
