/** /dev/mailbox as a page: the local mailbox with clickable links (development only). */
import type { MailboxMessage } from "../mail/mailbox";

export function MailboxPage({ to, messages }: { to: string | null; messages: MailboxMessage[] }) {
  return (
    <>
      <h1>Dev mailbox</h1>
      <p class="meta">
        Emails the service would have sent{to !== null ? ` to ${to}` : ""}, newest first. Only with
        EMAIL_PROVIDER=mailbox.
      </p>
      <form method="get" action="/dev/mailbox" class="inline">
        <label for="to">Recipient</label> <input id="to" name="to" type="email" value={to ?? ""} autocomplete="email" />{" "}
        <button type="submit" class="secondary">
          Filter
        </button>
      </form>
      {messages.length === 0 && <p>No messages yet.</p>}
      {messages.map((m) => (
        <article class="mail">
          <h2>{m.subject}</h2>
          <p class="meta">
            To {m.to} · {m.sent_at}
          </p>
          <pre>{linkify(m.text)}</pre>
        </article>
      ))}
    </>
  );
}

/** Turns URLs in the plain-text body into links, escaping everything else (JSX escapes text children). */
function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s]+)/g).map((part, i) => (i % 2 === 1 ? <a href={part}>{part}</a> : part));
}
