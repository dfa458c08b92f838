/** The emails: subjects, text and HTML parts (the same words in both; links and codes are placeholders). */
export const email = {
  "email.from": "{ip} ({device})",
  "email.unknownAddress": "an unknown address",
  "email.device.unknown": "Unknown device",
  "email.device.unknownBrowser": "Unknown browser",
  "email.device.on": "{browser} on {system}",
  "email.reset.subject": "Reset your password",
  "email.reset.intro": "Someone (hopefully you) asked to reset the password of your account.",
  "email.reset.openLink": "To choose a new password, open this link:",
  "email.reset.button": "Reset Password",
  "email.reset.paste": "Or paste this link into your browser:",
  "email.reset.otherDevice": "Resetting on another device? Enter this code at {url}:",
  "email.reset.expiry":
    "The link and the code work once (either one uses both up) and expire {lifetime} after the request.",
  "email.reset.requested": "Requested on {when}, from {from}.",
  "email.reset.expired": "If the link has expired, ask for a new one at {url}",
  "email.reset.expiredLink": "If the link has expired, {link}.",
  "email.reset.askNew": "ask for a new one",
  "email.reset.ignore": "If you did not ask for this, ignore this email: your password stays as it is.",
  "email.changed.subject": "Your password was changed",
  "email.changed.what": "The password of your account was changed on {when}, from {from}.",
  "email.changed.keptSession":
    "Every other device that was signed in has been signed out; the one it was changed on stays signed in.",
  "email.changed.allSignedOut": "Every device that was signed in has been signed out.",
  "email.changed.notYou":
    "If this wasn't you, reset your password right away at {url} and check your email account's security.",
  "email.changed.notYouLink": "If this wasn't you, {link} and check your email account's security.",
  "email.changed.resetNow": "reset your password right away",
  "email.twoFactor.enabled.subject": "Two-factor sign-in is on",
  "email.twoFactor.enabled.what": "Two-factor sign-in was turned on for your account on {when}, from {from}.",
  "email.twoFactor.disabled.subject": "Two-factor sign-in is off",
  "email.twoFactor.disabled.what": "Two-factor sign-in was turned off for your account on {when}, from {from}.",
  "email.twoFactor.recovery_codes.subject": "New recovery codes",
  "email.twoFactor.recovery_codes.what":
    "New recovery codes were made for your account on {when}, from {from}. The old ones no longer work.",
  "email.twoFactor.codes_locked.subject": "Wrong authentication codes on your account",
  "email.twoFactor.codes_locked.what":
    "On {when}, from {from}, someone signed in to your account with its password and then typed 5 wrong authentication codes, so sign-in refuses codes for a while (longer each time it happens again).",
  "email.twoFactor.reset_codes_locked.subject": "Wrong authentication codes on a password reset",
  "email.twoFactor.reset_codes_locked.what":
    "On {when}, from {from}, someone opened a password reset for your account and then typed 5 wrong authentication codes, so the reset refuses codes for a while (longer each time it happens again).",
  "email.twoFactor.warning": "If this wasn't you, someone has your password: reset it right away at {url}.",
  "email.twoFactor.codes_locked.warning":
    "If this wasn't you, someone has your password. Reset it at {url}: the reset takes a code from your app or a recovery code even now, and it ends this lock.",
  "email.twoFactor.reset_codes_locked.warning":
    "If this wasn't you, someone can read your email: secure your email account first. Signing in with your password and a code still works, and you can change your password on your account page.",
} as const;
