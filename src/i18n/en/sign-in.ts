/** /login, /signup and the notices /login can show. */
export const signIn = {
  "signIn.title": "Sign in",
  "signIn.email": "Email",
  "signIn.password": "Password",
  "signIn.forgot": "Forgot Password?",
  "signIn.submit": "Sign in",
  "signIn.noAccount": "No account yet? {link}",
  "signIn.signUpLink": "Sign up",
  "signIn.challenge.missing":
    "Many sign-ins to this account have failed today, so one more step is needed: complete the check below, then sign in.",
  "signIn.challenge.failed": "The check was not completed, or it expired. Complete it again, then sign in.",
  "signIn.challenge.unavailable":
    "The check could not be confirmed just now. Nothing was counted: please sign in again in a moment.",
  "signIn.challenge.noScript":
    "This check needs JavaScript. Turn it on for this site, or sign in from a device that signed in here before.",
  "notice.reset": "Your password has been successfully reset. Sign in using your new credentials.",
  "notice.password_reset": "Your password was reset, so every session was signed out. Sign in with the new password.",
  "notice.password_changed":
    "Your password was changed in another session, so this one was signed out. Sign in with the new password.",
  "notice.signed_out": "You have been signed out.",
  "notice.signed_out_elsewhere": "You were signed out from another session.",
  "notice.signed_out_everywhere": "You have been signed out of every session.",
  "notice.session_limit": "You were signed out because too many sessions were open.",
  "notice.expired": "Your session has ended. Please sign in again.",
  "notice.signed_up": "Your account has been created. Sign in to continue.",
  "signUp.title": "Sign up",
  "signUp.heading": "Create your account",
  "signUp.firstName": "First name (optional)",
  "signUp.lastName": "Last name (optional)",
  "signUp.password": "Password",
  "signUp.confirm": "Confirm password",
  "signUp.submit": "Sign up",
  "signUp.haveAccount": "Already have an account? {link}",
  "signUp.signInLink": "Sign in",
} as const;
