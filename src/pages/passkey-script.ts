/**
 * The passkey pages' script (/static/passkeys.js), loaded with the CSP nonce, no inline handlers. Without it
 * (or without WebAuthn) the passkey buttons stay hidden and the pages say to use the password. It asks the
 * server for a challenge (same-origin POST), calls navigator.credentials, and posts the answer in the form's
 * hidden `credential` field, so the server's answer is an ordinary page.
 * - form[data-passkey-add]: registration (resident key, user verification required, attestation none);
 * - [data-passkey-check]: a button that confirms its form with a passkey (second step, reset, removal);
 * - [data-passkey-sign-in]: the sign-in button, and conditional UI on the email field where the browser has it.
 */
export const PASSKEYS_JS = `
(function () {
  if (!window.PublicKeyCredential || !navigator.credentials) return;
  function text(buffer) {
    var bytes = new Uint8Array(buffer), s = "";
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  }
  function bytes(value) {
    var s = atob(value.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((value.length + 3) % 4));
    var out = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function options(url) {
    return fetch(url, { method: "POST", credentials: "same-origin", headers: { "x-passkey": "1" } })
      .then(function (r) { if (!r.ok) throw new Error("options " + r.status); return r.json(); });
  }
  function assertion(credential) {
    var r = credential.response;
    return JSON.stringify({ credentialId: text(credential.rawId), clientDataJSON: text(r.clientDataJSON),
      authenticatorData: text(r.authenticatorData), signature: text(r.signature),
      userHandle: r.userHandle && r.userHandle.byteLength > 0 ? text(r.userHandle) : null });
  }
  function send(form, value) { form.querySelector("input[name=credential]").value = value; form.submit(); }
  function failed(form) {
    var note = form.querySelector("[data-passkey-error]");
    if (note) { note.textContent = note.getAttribute("data-passkey-error"); note.hidden = false; }
  }
  document.querySelectorAll("[data-passkey-only]").forEach(function (el) { el.hidden = false; });
  document.querySelectorAll("[data-passkey-fallback]").forEach(function (el) { el.hidden = true; });

  var add = document.querySelector("form[data-passkey-add]");
  if (add) add.addEventListener("submit", function (event) {
    if (add.querySelector("input[name=credential]").value !== "") return;
    event.preventDefault();
    options("/account/passkeys/options").then(function (o) {
      return navigator.credentials.create({ publicKey: { challenge: bytes(o.challenge), rp: { id: o.rpId, name: o.rpId },
        user: { id: bytes(o.userId), name: o.userName, displayName: o.userName },
        pubKeyCredParams: [{ type: "public-key", alg: -7 }, { type: "public-key", alg: -257 }],
        authenticatorSelection: { residentKey: "required", requireResidentKey: true, userVerification: "required" },
        excludeCredentials: o.exclude.map(function (id) { return { type: "public-key", id: bytes(id) }; }),
        attestation: "none", timeout: 300000 } });
    }).then(function (credential) {
      send(add, JSON.stringify({ clientDataJSON: text(credential.response.clientDataJSON),
        attestationObject: text(credential.response.attestationObject) }));
    }).catch(function () { failed(add); });
  });

  document.querySelectorAll("[data-passkey-check]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var form = button.form;
      options(button.getAttribute("data-passkey-check")).then(function (o) {
        return navigator.credentials.get({ publicKey: { challenge: bytes(o.challenge), rpId: o.rpId,
          allowCredentials: o.allow.map(function (id) { return { type: "public-key", id: bytes(id) }; }),
          userVerification: "required", timeout: 300000 } });
      }).then(function (credential) { send(form, assertion(credential)); }).catch(function () { failed(form); });
    });
  });

  var signIn = document.querySelector("form[data-passkey-sign-in]");
  if (!signIn) return;
  var pending = null;
  function getAssertion(mediation) {
    if (pending) pending.abort();
    var controller = pending = new AbortController();
    return options("/login/passkey/options").then(function (o) {
      var request = { publicKey: { challenge: bytes(o.challenge), rpId: o.rpId, userVerification: "required",
        timeout: 300000 }, signal: controller.signal };
      if (mediation) request.mediation = mediation;
      return navigator.credentials.get(request);
    }).then(function (credential) { if (credential) send(signIn, assertion(credential)); });
  }
  signIn.querySelector("button").addEventListener("click", function (event) {
    event.preventDefault();
    getAssertion(null).catch(function (error) { if (error && error.name !== "AbortError") failed(signIn); });
  });
  if (PublicKeyCredential.isConditionalMediationAvailable) {
    PublicKeyCredential.isConditionalMediationAvailable().then(function (yes) {
      if (yes) getAssertion("conditional").catch(function () {});
    });
  }
})();
`;
