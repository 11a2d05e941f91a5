/**
 * Who may receive the daily digest (DESIGN.md section 4): the manager emails, and each campaign's
 * owner when the Owner cell holds one address inside the allowed email domains. Anything else in
 * an Owner cell is a check on the campaign, never a mailing list.
 */
import { type Settings, shortText } from "./settings";
import { isBlank, isEmail } from "./values";

export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * The domains owners may be mailed at: `Allowed email domains` when set, else the domains of the
 * manager emails and of the person who turned daily alerts on.
 */
export function allowedDomains(
  configured: readonly string[],
  managers: readonly string[],
  setUpBy: string | undefined,
): Set<string> {
  if (configured.length > 0) return new Set(configured.map((domain) => domain.toLowerCase()));
  const people = [...managers, ...(setUpBy && isEmail(setUpBy) ? [setUpBy] : [])];
  return new Set(people.map(emailDomain));
}

/** An Owner cell read for the digest: the one address to mail, a problem to show, or neither. */
export type OwnerAddress = { address: string } | { problem: string } | Record<string, never>;

const SEPARATORS = /[,;\s]+/;

export function ownerAddress(cell: unknown, allowed: ReadonlySet<string>): OwnerAddress {
  if (isBlank(cell)) return {};
  const text = String(cell).trim();
  // A name (no @) is a fine owner: that owner simply gets no digest.
  if (!text.includes("@")) return {};
  const parts = text.split(SEPARATORS).filter((part) => part !== "");
  if (parts.length > 1) {
    return {
      problem: `Owner holds ${parts.length} entries: the digest goes to one address, so give the campaign one owner`,
    };
  }
  if (!isEmail(text))
    return { problem: `Owner ${shortText(text)} is not an email address: no digest goes there` };
  const address = text.toLowerCase();
  // With no manager, no alerts set up and no domains listed, nobody vouched for any domain yet.
  if (allowed.size === 0) return {};
  if (!allowed.has(emailDomain(address))) {
    return {
      problem: `Owner ${shortText(address)} is outside the allowed email domains (Settings): no digest goes there`,
    };
  }
  return { address };
}

/** The check on a campaign's Owner cell, for its Checks column: undefined when it is fine. */
export function ownerCheck(
  cell: unknown,
  settings: Pick<Settings, "allowedEmailDomains" | "managerEmails">,
  setUpBy: string | undefined,
): string | undefined {
  const read = ownerAddress(
    cell,
    allowedDomains(settings.allowedEmailDomains, settings.managerEmails, setUpBy),
  );
  return "problem" in read ? read.problem : undefined;
}
