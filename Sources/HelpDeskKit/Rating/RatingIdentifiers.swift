/// Identifies a rating request (one per resolution of a ticket).
public typealias RatingRequestID = Identifier<RatingRequest>
/// Identifies a rating given by a client.
public typealias RatingID = Identifier<Rating>
