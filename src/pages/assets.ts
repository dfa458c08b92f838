/**
 * The pages' only stylesheet and scripts, served from /static with long caching. Scripts are progressive:
 * every page works without them; they add live sign-out, live password hints, copying codes, and the time
 * zone the pages show times in.
 */
import { TIME_ZONE_COOKIE } from "./page-language";

export const STYLESHEET = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa;--card:#fff;--accent:#1f4fd1;--accent-dark:#163a9c;--ok:#1a7f37;--err:#b42318;--focus:#ffbf47}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header.site{padding:16px 24px;border-bottom:1px solid var(--line);background:var(--card);display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px 16px}
nav.languages ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 12px;font-size:14px}
nav.languages a[aria-current]{font-weight:700;color:var(--fg);text-decoration:none}
.brand{font-weight:700;color:var(--fg);text-decoration:none;font-size:18px}
main.card{max-width:480px;margin:40px auto;padding:32px;background:var(--card);border:1px solid var(--line);border-radius:12px;overflow-wrap:anywhere}
@media (max-width:560px){main.card{margin:0;border-radius:0;border-left:0;border-right:0;padding:24px 16px}}
h1{font-size:24px;margin:0 0 16px}h2{font-size:18px;margin:28px 0 8px}
.field{margin:0 0 14px}
label{display:block;font-weight:600;margin-bottom:4px}
input{width:100%;padding:10px 12px;font:inherit;border:1px solid #8c959f;border-radius:6px;background:#fff;color:var(--fg)}
.field.invalid input{border-color:var(--err)}
.error{color:var(--err);margin:4px 0 0;font-size:14px;min-height:0}
.error:empty{display:none}
.hint{color:var(--muted);margin:4px 0 0;font-size:14px}
.hint.bad{color:var(--err)}.hint.good{color:var(--ok)}
button,.button{display:inline-block;padding:10px 18px;font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:6px;cursor:pointer;text-decoration:none}
button:hover,.button:hover{background:var(--accent-dark)}
button.secondary{background:#fff;color:var(--accent);border:1px solid var(--accent)}
button.danger{background:var(--err)}
button:disabled{opacity:.5;cursor:not-allowed}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
a{color:var(--accent)}
.below-fields{margin:-4px 0 16px;font-size:15px}
.alt{margin-top:20px;color:var(--muted)}
.notice{padding:12px 14px;border-radius:8px;margin:0 0 16px;border:1px solid}
.notice.success{background:#dafbe1;border-color:#aceebb;color:#0f5323}
.notice.info{background:#ddf4ff;border-color:#a8d8f0;color:#0a3069}
.notice.error{background:#ffebe9;border-color:#ffc1ba;color:#82071e}
.profile{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}.profile dt{color:var(--muted)}.profile dd{margin:0;overflow-wrap:anywhere}
ul.sessions,ul.events{list-style:none;padding:0;margin:0}
ul.sessions li,ul.events li{padding:10px 0;border-bottom:1px solid var(--line)}
li.current{font-weight:500}
.badge{display:inline-block;margin-inline-start:8px;padding:0 8px;font-size:12px;border-radius:10px;background:#dafbe1;color:#0f5323}
.meta{color:var(--muted);font-size:14px;overflow-wrap:anywhere}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}.actions form{margin:0}
form.inline{display:flex;gap:8px;align-items:center;flex-wrap:wrap}form.inline input{width:auto;flex:1}
article.mail{border-top:1px solid var(--line);padding-top:8px}article.mail pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:14px}
.qr svg { width: 200px; height: 200px; background: #fff; }
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
pre.codes { font-size: 1.1rem; line-height: 1.6; padding: 0.75rem 1rem; background: #f3f4f6; border-radius: 6px; }
`;

/** Opens a WebSocket to this session's registry; on sign-out goes to /login with the reason. */
export const LIVE_SIGN_OUT_JS = `
(function () {
  var delay = 500;
  function leave(reason) { location.assign("/login?notice=" + encodeURIComponent(reason || "expired")); }
  function connect() {
    var ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/live");
    var ping;
    ws.onopen = function () { delay = 500; document.documentElement.setAttribute("data-live", "open"); ping = setInterval(function () { ws.send("ping"); }, 30000); };
    ws.onmessage = function (event) {
      try { var data = JSON.parse(event.data); if (data.type === "signout") leave(data.reason); } catch (e) {}
    };
    ws.onclose = function (event) {
      clearInterval(ping);
      document.documentElement.removeAttribute("data-live");
      if (event.code === 4401) return leave(event.reason);
      // The session may have ended while we were away: ask the server, then reconnect.
      fetch("/live/status", { credentials: "same-origin", cache: "no-store" }).then(function (r) {
        if (r.status === 401) leave("expired"); else setTimeout(connect, delay = Math.min(delay * 2, 30000));
      }, function () { setTimeout(connect, delay = Math.min(delay * 2, 30000)); });
    };
  }
  connect();
})();
`;

/** Live hints of the password policy the server enforces anyway (length here, the rest by asking it). */
export const PASSWORD_HINTS_JS = `
(function () {
  var form = document.querySelector("form[data-password-form]");
  if (!form) return;
  var password = form.querySelector("#password"), confirm = form.querySelector("#password_confirmation");
  var hint = document.getElementById("password-hint"), confirmError = document.getElementById("password_confirmation-error");
  var min = Number(form.getAttribute("data-min-length")) || 15, timer, seq = 0, base = hint.textContent;
  var words = form.querySelector("[data-count-words]").dataset;
  function show(text, tone) { hint.textContent = text; hint.className = "hint " + (tone || ""); }
  function check() {
    var value = password.value, length = Array.from(value.normalize("NFKC")).length;
    if (value === "") return show(base);
    if (length < min) return show(words.countWords.replace("{typed}", length), "bad");
    clearTimeout(timer);
    var mine = ++seq;
    timer = setTimeout(function () {
      fetch("/password-check", { method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        body: JSON.stringify({ password: value, email: (form.querySelector("#email") || {}).value || "" }) })
        .then(function (r) { return r.json(); })
        .then(function (body) { if (mine === seq) show(body.ok ? words.goodWords : body.message, body.ok ? "good" : "bad"); })
        .catch(function () {});
    }, 300);
  }
  function match() {
    confirmError.textContent = confirm.value !== "" && confirm.value !== password.value ? words.mismatchWords : "";
  }
  password.addEventListener("input", function () { check(); match(); });
  confirm.addEventListener("input", match);
})();
`;

/** The reader's time zone, for the server to show times in (a cookie; without it, times are in UTC). */
export const TIME_ZONE_JS = `
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && document.cookie.indexOf("${TIME_ZONE_COOKIE}=" + encodeURIComponent(zone)) === -1) {
    document.cookie = "${TIME_ZONE_COOKIE}=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; samesite=lax; secure";
  }
})();
`;

/** Recovery codes page: the Copy button copies the codes (the Download link works without it). */
export const COPY_CODES_JS = `
(function () {
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = document.getElementById(button.getAttribute("data-copy")).textContent;
      navigator.clipboard.writeText(text).then(function () { button.textContent = button.dataset.copied; });
    });
  });
})();
`;
