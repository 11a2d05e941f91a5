/** The baseline sidebar script: the real sidebar plus the zod brief schema, kept alive on window. */
import "../../sidebar/main";
import { parseBriefWithZod } from "./zod-brief";

(globalThis as Record<string, unknown>).campaignDeskZodBrief = parseBriefWithZod;
