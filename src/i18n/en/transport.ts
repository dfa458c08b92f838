/** The error page for a form sent over plain http where the service is served over https. */
export const transport = {
  "error.httpsRequired.title": "Secure connection required",
  "error.httpsRequired.text":
    "This was sent over an unencrypted connection (http), so it was not accepted. Open this site at its https:// address and try again.",
} as const;
