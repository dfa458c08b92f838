/** The forgot, reset, code and dead-link pages. */
export const reset = {
  "reset.forgotTitle": "Forgot password",
  "reset.forgotHeading": "Forgot your password?",
  "reset.forgotIntro": "Enter the email address of your account and we will send you a link to reset your password.",
  "reset.sendInstructions": "Send Instructions",
  "reset.backToSignIn": "Back to sign in",
  "reset.sentTitle": "Check your email",
  "reset.sentNotice":
    "If {email} has an account, we have sent it an email with instructions for resetting your password.",
  "reset.sentValidity":
    "The link in the email is valid for {lifetime} and works once. Check your spam folder if it does not arrive within a few minutes.",
  "reset.otherDevice": "Reading the email on another device? It also has a code: {link}.",
  "reset.otherDeviceLink": "enter it here",
  "reset.sendAgain": "Send again",
  "reset.resetTitle": "Reset Password",
  "reset.resetIntro": "Choose a new password. Every device signed in to your account will be signed out.",
  "reset.newPassword": "New password",
  "reset.confirmNewPassword": "Confirm new password",
  "reset.resetSubmit": "Reset Password",
  "reset.tooManyAttempts": "Too many attempts. Please wait a minute and try again.",
  "reset.enterAppCode": "Enter the code from your app.",
  "reset.deadTitle": "Link no longer valid",
  "reset.sendNewLink": "Send a new link",
  "reset.deadExpired": "This link has expired",
  "reset.deadUsed": "This link has already been used",
  "reset.deadReplaced": "A newer link replaced this one",
  "reset.deadPasswordChanged": "Your password was changed since",
  "reset.deadInvalid": "This link is not valid",
  "reset.whyExpired": "Reset links work for {lifetime}. This one expired on {at}.",
  "reset.whyUsed":
    "It was used to reset your password on {at}. Sign in with that password, or if it wasn't you, send yourself a new link and reset it again.",
  "reset.whyReplaced":
    "You asked for another email on {at}, which replaced this link. Use the link in the newest email, or send a new one.",
  "reset.whyPasswordChanged":
    "The password was changed on {at}, after this link was sent, so the link stopped working.",
  "reset.whyInvalid": "It may be cut short: check that you opened the whole link from the email, or ask for a new one.",
  "reset.newLinkNotice": "We have sent a new link to the address the old one was sent to.",
  "reset.newLinkValidity":
    "The new link is valid for {lifetime} and works once. Check your spam folder if it does not arrive within a few minutes.",
  "reset.codeTitle": "Enter your code",
  "reset.codeIntro":
    "The reset email has a link and, below it, an 8-character code. Type the code here to reset your password on this device.",
  "reset.codeLabel": "Code",
  "reset.codeHint": "For example ABCD-EFGH; case and dashes do not matter.",
  "reset.codeSubmit": "Continue",
  "reset.sendNewEmail": "Send a new email",
  "reset.codeEnterEmail": "Enter the email address the code was sent to.",
  "reset.codeEnterCode": "Enter the code from the email.",
  "reset.codeWrong": "That code is not right. Check it against the newest email and try again.",
  "reset.codeStoppedHere":
    "Too many wrong codes from this network: the code is no longer accepted from here. Use the link in the email instead.",
  "reset.codeDead": "Too many wrong codes: this code no longer works. Ask for a new email.",
} as const;
