/** A passkey as the only second factor: turning it on, its section on /account, the last passkey kept. */
export const passkeyFactor = {
  "passkeyFactor.turnOnHeading": "Or a passkey as your second factor",
  "passkeyFactor.turnOnIntro":
    "No app needed: after your password, signing in and resetting your password ask for one of your passkeys (or a recovery code).",
  "passkeyFactor.turnOn": "Turn on with a passkey",
  "passkeyFactor.on": "Your second factor is a passkey.",
  "passkeyFactor.recoveryCode": "A recovery code",
  "passkeyFactor.codesNotice": "From now on, signing in asks for one of your passkeys.",
  "passkeyFactor.lastPasskey":
    "This passkey is your only second factor. Add another passkey, or turn two-factor sign-in off, before removing it.",
} as const;
