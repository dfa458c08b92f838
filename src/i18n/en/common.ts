/** Words every page shares: the frame, the language menu, form errors, the password policy, error pages. */
export const common = {
  "layout.brand": "Account",
  "layout.title": "{title} · Account",
  "layout.language": "Language",
  "field.passwordHint": {
    one: "At least {count} character. Long phrases are good; no other rules.",
    other: "At least {count} characters. Long phrases are good; no other rules.",
  },
  "field.passwordCount": {
    one: "{typed} of at least {count} character",
    other: "{typed} of at least {count} characters",
  },
  "field.passwordGood": "Looks good.",
  "field.mismatch": "Doesn't match the password.",
  "field.copied": "Copied",
  "field.invalid": "Check this field: it is not a value this form takes.",
  "field.enterEmail": "Enter a valid email address.",
  "field.enterPassword": "Enter your password.",
  "field.enterCurrentPassword": "Enter your current password.",
  "password.too_short": {
    one: "Password must be at least {count} character long.",
    other: "Password must be at least {count} characters long.",
  },
  "password.too_long": {
    one: "Password must be at most {count} character long.",
    other: "Password must be at most {count} characters long.",
  },
  "password.common":
    "Password is too common or predictable (a well-known password, a repeat or a sequence). Please choose a less predictable one.",
  "password.matches_email": "Password must not be your email address.",
  "password.breached": "Password has appeared in a data breach. Please choose a different one.",
  "password.breach_check_unavailable":
    "Password could not be checked against known breaches right now. Please try again in a moment.",
  "refusal.invalidCredentials":
    "Looks like your email or password is invalid. Please try again or reset your password.",
  "refusal.tooManyAttempts": "Too many attempts. Please wait a few minutes, or reset your password.",
  "refusal.tooManyRequests": "Too many requests from your network. Please try again in a minute.",
  "refusal.invalidLink": "This password reset link is invalid, has expired or has already been used.",
  "refusal.emailTaken": "An account with this email already exists. Sign in or reset your password.",
  "refusal.locked":
    "Too many sign-in attempts. Sign in from a browser you have signed in with before, or try again in {wait}.",
  "refusal.codeRequired": "Enter the 6-digit code from your authenticator app, or a recovery code.",
  "refusal.codeWrong":
    "That code is not right, or was already used. Enter the current code from your app, or a recovery code.",
  "refusal.codeLocked": "Too many wrong codes. Try again in {wait}.",
  "refusal.notCurrentPassword": "That is not your current password.",
  "refusal.changedElsewhere": "Your password was changed somewhere else a moment ago. Nothing was changed here.",
  "refusal.sessionEnded": "Your session has ended. Please sign in again.",
  "error.notFound.title": "Page not found",
  "error.notFound.text": "There is nothing at this address.",
  "error.unavailable.title": "Please try again",
  "error.unavailable.text":
    "Your password could not be changed right now. Please try again in a moment with the same link.",
  "error.forbidden.title": "Request refused",
  "error.forbidden.text": "This form was sent from another site, so it was not accepted.",
  "error.tooLarge.title": "Request too large",
  "error.tooLarge.text": "That form was larger than any form here can be.",
  "error.failed.title": "Something went wrong",
  "error.failed.text": "Please go back and try again.",
  "error.back": "Go to sign in",
} as const;
