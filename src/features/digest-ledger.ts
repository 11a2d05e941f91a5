/**
 * The record of who got today's digest, kept in one document property. The shell claims the
 * day's digests under the document lock (so two overlapping runs never mail one person twice),
 * sends outside it, and settles what failed under the lock again. The record is bounded
 * whatever the number of recipients: a short hash per person mailed (at most the daily limit),
 * a bounded list of misses and counts, far below a property's 9 KB.
 */
import { textSignature } from "../workbook/add-on-record";
import type { Reader } from "./digest";

/** Digests one document sends a day at most; the rest wait for another day (owners rotate). */
export const DAILY_DIGEST_LIMIT = 250;
/** Misses kept by name (as hashes); beyond them only the count. */
export const LISTED_MISSES = 100;
/** A run that claimed mail longer ago than an execution may last stopped while mailing. */
export const RUN_LIMIT_MS = 6 * 60_000;

const HASH_LENGTH = 7;
export type MissReason = "quota" | "limit" | "refused";
const CODE: Record<MissReason, string> = { quota: "q", limit: "l", refused: "r" };
const REASON: Record<string, MissReason> = { q: "quota", l: "limit", r: "refused" };

export interface MissRecord {
  /** The first day these misses belong to. */
  since: string;
  /** hash + reason code per miss, at most LISTED_MISSES. */
  list: string;
  total: number;
}

export interface DigestLedger {
  day: string;
  /** Hashes of the people mailed (or being mailed) today. */
  sent: string;
  /** Today's misses, recomputed by every run: nobody is counted twice. */
  missed: MissRecord;
  /** Misses of earlier days no manager's digest has reported yet. */
  earlier?: MissRecord;
  /** Claimed by a run that has not settled yet. */
  mailing?: { at: string; count: number; run: string };
  /** The last reason Gmail gave for refusing a digest, short. */
  refusal?: string;
}

/** A short, stable hash of fixed width: a record of who, not their address. */
export function shortHash(text: string): string {
  return textSignature(text).padStart(HASH_LENGTH, "0").slice(-HASH_LENGTH);
}

const addressHash = (address: string) => shortHash(address.toLowerCase());

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let at = 0; at + size <= text.length; at += size) out.push(text.slice(at, at + size));
  return out;
}

const emptyMisses = (since: string): MissRecord => ({ since, list: "", total: 0 });

/** Reads the stored record; an unreadable one counts as none (the day starts afresh). */
export function parseLedger(text: string | null): DigestLedger | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text) as Partial<DigestLedger> & { sentTo?: unknown };
    if (typeof parsed.day !== "string") return null;
    // The first version kept addresses: keep its day's record as hashes.
    if (Array.isArray(parsed.sentTo)) {
      const sent = parsed.sentTo.map((address) => addressHash(String(address)));
      return { day: parsed.day, sent: [...new Set(sent)].join(""), missed: emptyMisses(parsed.day) };
    }
    if (typeof parsed.sent !== "string" || typeof parsed.missed?.list !== "string") return null;
    return parsed as DigestLedger;
  } catch {
    return null;
  }
}

function mergeMisses(older: MissRecord | undefined, newer: MissRecord): MissRecord {
  if (!older) return newer;
  const list = [...new Set([...chunks(older.list, HASH_LENGTH + 1), ...chunks(newer.list, HASH_LENGTH + 1)])];
  return {
    since: [older.since, newer.since].sort()[0] ?? newer.since,
    list: list.slice(0, LISTED_MISSES).join(""),
    total: older.total + newer.total,
  };
}

/** Today's record: a new day starts with nobody mailed, and yesterday's misses still to report. */
export function rollLedger(stored: DigestLedger | null, today: string): DigestLedger {
  if (stored?.day === today) return { ...stored, missed: { ...stored.missed } };
  const ledger: DigestLedger = { day: today, sent: "", missed: emptyMisses(today) };
  if (!stored) return ledger;
  const earlier = stored.missed.total > 0 ? mergeMisses(stored.earlier, stored.missed) : stored.earlier;
  if (earlier) ledger.earlier = earlier;
  if (stored.mailing) ledger.mailing = stored.mailing;
  if (stored.refusal) ledger.refusal = stored.refusal;
  return ledger;
}

export interface Miss {
  reader: Reader;
  reason: MissReason;
}

export interface Claim {
  /** Store this under the lock, before sending. */
  ledger: DigestLedger;
  send: Reader[];
  alreadySent: Reader[];
  missed: Miss[];
  /** Earlier misses the managers' digests in `send` report (they are cleared from the ledger). */
  reporting?: MissRecord;
  /** A run that stopped while mailing, as text for the problems. */
  stalled?: string;
}

export interface ClaimInput {
  today: string;
  /** In mailing order (managers first). */
  order: readonly Reader[];
  /** The sender's mail quota left today: asked only when someone is still owed a digest. */
  remainingQuota: () => number;
  /** ISO instant. */
  now: string;
  run: string;
}

/** Decides who gets a digest in this run; call it under the document lock and store the ledger. */
export function claimDigests(stored: DigestLedger | null, input: ClaimInput): Claim {
  const ledger = rollLedger(stored, input.today);
  let stalled: string | undefined;
  if (ledger.mailing && Date.parse(input.now) - Date.parse(ledger.mailing.at) > RUN_LIMIT_MS) {
    stalled = `An earlier run stopped while mailing: up to ${ledger.mailing.count} digest(s) may not have gone out.`;
    delete ledger.mailing;
  }
  const sent = new Set(chunks(ledger.sent, HASH_LENGTH));
  const send: Reader[] = [];
  const alreadySent: Reader[] = [];
  const missed: Miss[] = [];
  let quota: number | undefined;
  const quotaLeft = () => {
    quota ??= input.remainingQuota();
    return quota;
  };
  input.order.forEach((reader, index) => {
    const hash = addressHash(reader.address);
    if (sent.has(hash)) alreadySent.push(reader);
    else if (index >= DAILY_DIGEST_LIMIT || sent.size >= DAILY_DIGEST_LIMIT)
      missed.push({ reader, reason: "limit" });
    else if (quotaLeft() < 1) missed.push({ reader, reason: "quota" });
    else {
      send.push(reader);
      sent.add(hash);
      quota = quotaLeft() - 1;
    }
  });
  ledger.sent = [...sent].join("");
  ledger.missed = {
    since: input.today,
    list: missed
      .slice(0, LISTED_MISSES)
      .map((miss) => addressHash(miss.reader.address) + CODE[miss.reason])
      .join(""),
    total: missed.length,
  };
  const claim: Claim = { ledger, send, alreadySent, missed };
  if (stalled) claim.stalled = stalled;
  if (ledger.earlier && send.some((reader) => reader.role === "manager")) {
    claim.reporting = ledger.earlier;
    delete ledger.earlier;
  }
  if (send.length > 0) ledger.mailing = { at: input.now, count: send.length, run: input.run };
  return claim;
}

export interface Settlement {
  run: string;
  failed: { address: string; error: string }[];
  /** Whether a manager's digest (which reported `reporting`) went out. */
  managerMailed: boolean;
  reporting?: MissRecord;
}

/** After sending, under the lock again: failures become misses (retried by a later run). */
export function settleDigests(
  stored: DigestLedger | null,
  today: string,
  settlement: Settlement,
): DigestLedger {
  const ledger = rollLedger(stored, today);
  const failedHashes = new Set(settlement.failed.map((failure) => addressHash(failure.address)));
  ledger.sent = chunks(ledger.sent, HASH_LENGTH)
    .filter((hash) => !failedHashes.has(hash))
    .join("");
  if (failedHashes.size > 0) {
    const listed = new Set(
      chunks(ledger.missed.list, HASH_LENGTH + 1).map((entry) => entry.slice(0, HASH_LENGTH)),
    );
    const added = [...failedHashes].filter((hash) => !listed.has(hash));
    ledger.missed = {
      since: ledger.missed.since,
      list: (ledger.missed.list + added.map((hash) => hash + CODE.refused).join("")).slice(
        0,
        LISTED_MISSES * (HASH_LENGTH + 1),
      ),
      total: ledger.missed.total + added.length,
    };
    ledger.refusal = settlement.failed.at(-1)?.error.slice(0, 200) ?? "";
  }
  if (ledger.mailing?.run === settlement.run) delete ledger.mailing;
  if (!settlement.managerMailed && settlement.reporting) {
    ledger.earlier = ledger.earlier
      ? mergeMisses(settlement.reporting, ledger.earlier)
      : settlement.reporting;
  }
  return ledger;
}

const REASON_TEXT: Record<MissReason, string> = {
  quota: "the sender's daily email quota was used up",
  limit: `over ${DAILY_DIGEST_LIMIT} digests a day; they come first on another day`,
  refused: "Gmail refused the message",
};

/** The misses in words, for a manager's digest: addresses found among today's readers. */
export function describeMisses(record: MissRecord, readers: readonly Reader[], refusal?: string): string[] {
  const byHash = new Map(readers.map((reader) => [addressHash(reader.address), reader.address]));
  const byReason = new Map<MissReason, string[]>();
  for (const entry of chunks(record.list, HASH_LENGTH + 1)) {
    const reason = REASON[entry.slice(HASH_LENGTH)] ?? "quota";
    const names = byReason.get(reason) ?? [];
    const address = byHash.get(entry.slice(0, HASH_LENGTH));
    if (address) names.push(address);
    byReason.set(reason, names);
  }
  const named = [...byReason.values()].reduce((sum, names) => sum + names.length, 0);
  const lines = [...byReason.entries()].map(([reason, names]) => {
    const who =
      names.length > 0
        ? `: ${names.slice(0, 10).join(", ")}${names.length > 10 ? ` and ${names.length - 10} more` : ""}`
        : "";
    const why = reason === "refused" && refusal ? `${REASON_TEXT.refused} (${refusal})` : REASON_TEXT[reason];
    return `Since ${record.since}, ${why}${who}.`;
  });
  const others = record.total - named;
  if (others > 0)
    lines.push(`${others} other digest${others === 1 ? "" : "s"} since ${record.since} did not go out.`);
  return lines;
}
