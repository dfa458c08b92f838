/**
 * The email queue's jobs, run a batch at a time. Every job ends in a Delivery, which the queue consumer
 * maps to ack, retry or dead letter (invariant 8).
 */
import type { Config } from "../core/config";
import { emailKey } from "../core/email-address";
import { findSuppression } from "../storage/mail-events";
import {
  allShardDatabases,
  batchEachDatabase,
  emailCandidateDatabases,
  emailDatabase,
  userDatabase,
} from "../storage/shard-databases";
import type { User } from "../storage/users";
import { findUsersByEmailsOrIds } from "../storage/users-by-email";
import { notifyAccountChange } from "./account-notices";
import { type EmailJob, isNoticeJob } from "./email-jobs";
import { issueResetLink } from "./password-reset-issue";
import { deliverSecondAddressLink } from "./second-address";
import { accountsBySecondAddress, accountsNamed, secondAddressOwners } from "./second-address-lookup";
import type { Delivery, JobOutcome } from "./send-email";

export type { Delivery } from "./send-email";

/**
 * The accounts a batch names: reset jobs by email, notices by user id; those no email may go to; and the
 * shards that could not be read, whose jobs are retried while the rest of the batch goes out.
 */
interface Accounts {
  byEmail: Map<string, User>;
  byId: Map<string, User>;
  suppressed: Set<string>;
  unreadable: Set<D1Database>;
}

/**
 * Runs a batch of jobs, one Delivery per job in order. One D1 query per shard finds every account the batch
 * names; the jobs run side by side (each user's registry and the mail pacer keep their own order); the audit
 * rows of every email sent go to each shard in one batch. A job's own fault is retried alone. If a shard's
 * batch fails, the jobs with writes there are retried: their emails go out again under the same idempotency
 * keys, so nobody gets a second one, and the rows are written then.
 */
export async function deliverEmailJobs(env: Env, config: Config, jobs: EmailJob[], now: number): Promise<Delivery[]> {
  const accounts = await lookUpAccounts(env, jobs, now);
  const outcomes = await Promise.all(
    jobs.map((job) =>
      (shardsOf(env, job).some((db) => accounts.unreadable.has(db))
        ? Promise.resolve({ delivery: fault("its account's shard could not be read"), writes: [] })
        : deliverEmailJob(env, config, job, accounts, now)
      ).catch((error: unknown): JobOutcome => ({ delivery: fault(`error: ${String(error)}`), writes: [] })),
    ),
  );
  const failed = await batchEachDatabase(
    outcomes.flatMap((outcome) => outcome.writes.map(([db, write]) => [db, [write]])),
  );
  return outcomes.map((outcome) => {
    const error = outcome.writes.map(([db]) => failed.get(db)).find((e) => e !== undefined);
    return error === undefined ? outcome.delivery : fault(`audit row not written: ${String(error)}`);
  });
}

/** A fault (storage unreachable, a bug) is retried like a provider's bad moment. */
function fault(detail: string): Delivery {
  return { ok: false, reason: "retryable", detail };
}

/**
 * The batch's accounts: each shard asked once, for the emails it may hold and the ids it does, side by side.
 * The query reads suppressions with the account; an account created before the layout's newest generation
 * has its address's suppression at the placement, which is then asked too (a second step, only for it).
 */
async function lookUpAccounts(env: Env, jobs: EmailJob[], now: number): Promise<Accounts> {
  const asks = new Map(allShardDatabases(env).map(({ db }) => [db, { emails: [] as string[], ids: [] as string[] }]));
  for (const job of jobs) {
    if (job?.kind === "password_reset") for (const db of shardsOf(env, job)) asks.get(db)?.emails.push(job.email);
    if (isNoticeJob(job)) {
      for (const db of shardsOf(env, job)) asks.get(db)?.ids.push(job.userId);
    }
  }
  // A shard that cannot be read holds back only the jobs that need it (a shard outage is not everyone's).
  const unreadable = new Set<D1Database>();
  const seconds = secondAddressOwners(env, jobs, unreadable);
  const answers = await Promise.all(
    [...asks].map(([db, { emails, ids }]) =>
      findUsersByEmailsOrIds(db, emails, ids, now).catch(() => {
        unreadable.add(db);
        return { accounts: [], moved: new Map<string, { id: string; suppressed: boolean }>() };
      }),
    ),
  );
  const found = answers.flatMap(({ accounts }) => accounts);
  // Addresses whose account moved to them from another shard (an email change): their index rows came in
  // the same statements; only those accounts cost one more read, in their own shards.
  const moved = new Map(answers.flatMap(({ moved }) => [...moved]));
  const suppressed = await Promise.all(
    found.map(async ({ user, suppressed }) => {
      const key = emailKey(user.email);
      const placement = emailDatabase(env, key);
      if (placement === userDatabase(env, user.id)) return suppressed;
      return findSuppression(placement, key, now).then(
        (found) => found !== null,
        () => {
          unreadable.add(placement);
          return false;
        },
      );
    }),
  );
  // Were an address ever in two shards (two sign-ups racing a layout's deploy), the account every other flow
  // finds first, the one nearest its placement, is the one mailed.
  const rank = (user: User) => emailCandidateDatabases(env, emailKey(user.email)).indexOf(userDatabase(env, user.id));
  const byEmail = new Map<string, User>();
  for (const { user } of found) {
    const other = byEmail.get(user.email);
    if (other === undefined || rank(user) < rank(other)) byEmail.set(user.email, user);
  }
  const byId = new Map(found.map(({ user }) => [user.id, user]));
  const movedIds = new Map([...moved].filter(([email]) => !byEmail.has(email)).map(([email, { id }]) => [email, id]));
  const [movedAccounts, bySecond] = await Promise.all([
    accountsNamed(env, movedIds, byId, now, (user, email) => user.email === email),
    seconds.then((owners) => accountsBySecondAddress(env, jobs, owners, byId, now)),
  ]);
  const movedSuppressed: string[] = [];
  for (const [email, user] of movedAccounts) {
    byEmail.set(email, user);
    if (moved.get(email)?.suppressed === true) movedSuppressed.push(user.id);
  }
  // A reset asked from a second address: the account's own address wins if both were ever one string.
  for (const [email, user] of bySecond) {
    if (!byEmail.has(email)) byEmail.set(email, user);
  }
  return {
    byEmail,
    byId,
    suppressed: new Set([...found.flatMap(({ user }, i) => (suppressed[i] ? [user.id] : [])), ...movedSuppressed]),
    unreadable,
  };
}

/** The shards a job's account may be in (a reset job names an email; a notice, an account). */
function shardsOf(env: Env, job: EmailJob): D1Database[] {
  if (job?.kind === "password_reset") return emailCandidateDatabases(env, emailKey(job.email));
  if (isNoticeJob(job)) return [userDatabase(env, job.userId)];
  return [];
}

/** Runs the flow a job asks for. */
function deliverEmailJob(env: Env, config: Config, job: EmailJob, accounts: Accounts, now: number) {
  switch (job?.kind) {
    case "password_reset": {
      const user = accounts.byEmail.get(job.email) ?? null;
      // The address bounced or complained lately: another reset email would only hurt the sender's
      // reputation. (A "password changed" notice still goes: one spam click must not hide a takeover.)
      if (user !== null && accounts.suppressed.has(user.id)) {
        return Promise.resolve({
          delivery: { ok: true, detail: "suppressed: the address bounced" } as const,
          writes: [],
        });
      }
      return issueResetLink(env, config, job, user, now);
    }
    case "password_changed":
    case "two_factor_changed":
    case "security_notice":
    case "email_change":
      return notifyAccountChange(env, config, job, accounts.byId.get(job.userId) ?? null, now);
    case "second_address_verify":
      return deliverSecondAddressLink(env, config, job, now);
    default:
      return Promise.resolve({
        delivery: { ok: false, reason: "undeliverable", detail: "unknown job kind" } as const,
        writes: [],
      });
  }
}
