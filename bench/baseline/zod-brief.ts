/**
 * The campaign brief as a zod schema with the classic import, for the start-up baseline only:
 * what build/Code.js would carry had the brief been checked the usual way. Field shapes only
 * (the cross-field rules would add little to the size). Never imported by src/.
 */
import { z } from "zod";
import type { CampaignBrief } from "../../src/domain/brief";
import {
  AD_USES,
  CAMPAIGN_STATUSES,
  CONTENT_TYPES,
  LANES,
  OBJECTIVES,
  PAYMENT_MODELS,
  SAMPLE_POLICIES,
} from "../../src/domain/choices";

const text = z.string().trim().min(1).max(200);
const day = z.iso.date();
const rate = z.number().min(0).max(1);
const amount = z.number().nonnegative();
const count = (max: number) => z.number().int().min(0).max(max);

export const briefSchema = z.object({
  campaignId: text,
  name: text,
  objective: z.enum(OBJECTIVES),
  lane: z.enum(LANES),
  skus: z.array(z.string().trim().min(1)).min(1),
  start: day,
  end: day,
  contentTypes: z.array(z.enum(CONTENT_TYPES)).min(1),
  paymentModel: z.enum(PAYMENT_MODELS),
  commissionRate: rate,
  flatFee: amount.optional(),
  contentDueDays: count(365).optional(),
  samplePolicy: z.enum(SAMPLE_POLICIES),
  liveRequired: z.boolean().default(false),
  flashSaleStart: day.optional(),
  flashSaleEnd: day.optional(),
  flashSalePrice: amount.optional(),
  reservedInventory: count(100_000_000).optional(),
  amplification: z.enum(AD_USES).default("None"),
  amplificationStart: day.optional(),
  amplificationEnd: day.optional(),
  adsRate: rate.optional(),
  authDaysNeeded: count(3650).optional(),
  budget: amount.optional(),
  ownerEmail: z.email().optional(),
  status: z.enum(CAMPAIGN_STATUSES).default("Draft"),
  notes: z.string().trim().max(5000).optional(),
});

// Every field of CampaignBrief is in the schema, and the schema has no other.
type Parsed = z.infer<typeof briefSchema>;
type Same<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
export const sameFields: Same<Parsed, CampaignBrief> = true;

export function parseBriefWithZod(input: unknown) {
  return briefSchema.safeParse(input);
}
