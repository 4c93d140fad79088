namespace Reclamations.Domain.Register;

/// <summary>A referral as entered (API body, case file form).</summary>
public sealed record NewReferral(ReferralBody? Body, DateOnly? ReferredOn, string? TheirReference, DateOnly? FirmAnswerDueOn, string? Note);
