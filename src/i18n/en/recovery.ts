/** Email change, its revert, and "this wasn't me": the pages, the /login notices and the emails. */
export const recovery = {
  "notice.locked_down": "Every session of this account was signed out. Choose a new password to sign in again.",
  "notice.email_changed": "You were signed out because the account's email address changed.",
  "refusal.resetRequired":
    "This account needs a new password first: its owner or an administrator secured it. Choose a new password with “Forgot your password?” to sign in again.",
  "wasntMe.title": "This wasn't me",
  "wasntMe.intro": "If you did not make the change our email told you about, secure your account now. This will:",
  "wasntMe.signOut": "sign out every session, on every device, at once;",
  "wasntMe.voidLinks": "stop every password reset link and code already sent;",
  "wasntMe.revertEmail": "undo a change of the account's email address;",
  "wasntMe.askReset": "ask for a new password before anyone can sign in again.",
  "wasntMe.button": "Secure my account",
  "wasntMe.doneHeading": "Your account is secured",
  "wasntMe.done":
    "Every session was signed out. To sign in again, choose a new password: ask for a reset link for the account's email address.",
  "wasntMe.askLink": "Choose a new password",
  "wasntMe.invalid":
    "This link is not valid, was already used, or has expired. If you still think someone else is in your account, reset your password.",
  "emailChange.heading": "Email address",
  "emailChange.current": "You sign in with {email}.",
  "emailChange.newLabel": "New email address",
  "emailChange.codeLabel": "Code from your authenticator app",
  "emailChange.submit": "Change email address",
  "emailChange.sent": "We sent a confirmation link to {email}. Nothing changes until it is opened, within 60 minutes.",
  "emailChange.same": "That is already your email address.",
  "emailChange.confirmTitle": "Confirm your new email address",
  "emailChange.confirmIntro": "Sign in to this account with this address from now on?",
  "emailChange.confirmButton": "Confirm",
  "emailChange.confirmed": "Your email address is now {email}. Sign in with it from now on.",
  "emailChange.confirmInvalid":
    "This link is not valid, was already used, or has expired (it works for 60 minutes). Ask for the change again on your account page.",
  "emailChange.confirmTaken": "That address is now used by another account, so the change was not made.",
  "emailChange.revertTitle": "Undo the email change",
  "emailChange.revertIntro":
    "The account's email address was changed. Undo it: the address goes back to this one, every session is signed out, and a new password is needed to sign in.",
  "emailChange.revertButton": "Undo the change and secure my account",
  "emailChange.reverted":
    "The change is undone: the account's address is {email} again. Choose a new password to sign in.",
  "emailChange.revertTaken":
    "The change could not be undone: {email} is now used by another account. Every session was signed out all the same.",
  "emailChange.revertInvalid": "This link is not valid, was already used, or has expired (it works for 7 days).",
  "account.event.accountLockedDown": "Account secured (“This wasn't me”)",
  "account.event.emailChangeRequested": "Email change asked",
  "account.event.emailChanged": "Email address changed",
  "account.event.emailChangeReverted": "Email change undone",
  "email.emailChange.confirm.subject": "Confirm your new email address",
  "email.emailChange.confirm.intro":
    "Someone asked to sign in to an account with this address from now on. If it was you, confirm it:",
  "email.emailChange.confirm.button": "Confirm the new address",
  "email.emailChange.confirm.expiry":
    "The link works for {lifetime}. If you did not ask for this, ignore this email: nothing changes.",
  "email.emailChange.asked.subject": "A change of your email address was asked for",
  "email.emailChange.asked.what":
    "On {when}, from {from}, someone signed in to your account asked to change its email address to {email}. Nothing changes unless the new address confirms within 60 minutes.",
  "email.emailChange.done.subject": "Your email address was changed",
  "email.emailChange.done.what":
    "On {when}, from {from}, your account's email address was changed to {email}. This address no longer receives its emails.",
  "email.emailChange.done.revert": "Not you? Undo the change (the link works for 7 days): {url}",
  "email.emailChange.done.revertButton": "Undo the change",
  "email.emailChange.reverted.subject": "The change of your email address was undone",
  "email.emailChange.reverted.what":
    "On {when}, from {from}, the change of your account's email address was undone: it is {email} again. Every session was signed out; choose a new password to sign in.",
  "email.wasntMe.text": "Wasn't you? Secure your account with one click (the link works for 7 days): {url}",
  "email.wasntMe.html": "Wasn't you? {link} (the link works for 7 days).",
  "email.wasntMe.button": "Secure my account",
} as const;
