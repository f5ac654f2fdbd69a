import type { Log, ReportingDescriptor, Result as SarifResult, Region } from "sarif";
import { SECURITY_CATEGORY_TABLE, type SecurityCategory } from "../contract/security-categories.js";
import type { Finding, ReviewResult } from "../contract/types.js";
import { byImportance } from "./finding-order.js";
import { LEVEL_STYLE } from "./level-style.js";
import { TOOL_INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from "./tool-info.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
/** GitHub code scanning keeps at most this many results per run. */
export const MAX_SARIF_RESULTS = 5000;
/** The key of Apprentice's fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = "apprentice/v1";

/** What SARIF needs to know about a check; the CLI builds these from src/checks/registry.ts. */
export interface SarifRuleInfo {
  id: string;
  description: string;
  category?: SecurityCategory;
  lessonUrl: string;
  /** The check's default criterion, added to the rule's tags when given. */
  criterion?: string;
}

export interface SarifOptions {
  /** Apprentice's version; defaults to the one in package.json. */
  toolVersion?: string;
  rules: readonly SarifRuleInfo[];
}

/**
 * The review as a SARIF 2.1.0 log for GitHub code scanning. Celebratory findings are left out: code
 * scanning shows every result as an alert, and praise is not an alert. When there are more results than
 * GitHub keeps, the most important are kept and `run.properties` says how many were left out.
 */
export function toSarif(result: ReviewResult, options: SarifOptions): Log {
  const reportable = result.findings.filter((finding) => finding.level !== "celebratory").sort(byImportance);
  const kept = reportable.slice(0, MAX_SARIF_RESULTS);
  const rules = ruleList(options.rules, kept);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.info.id, index]));
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: options.toolVersion ?? TOOL_VERSION,
            informationUri: TOOL_INFORMATION_URI,
            rules: rules.map(toReportingDescriptor),
          },
        },
        automationDetails: { id: `${TOOL_NAME}/${result.rubric.id}/` },
        columnKind: "utf16CodeUnits",
        results: kept.map((finding) => toSarifResult(finding, ruleIndex.get(finding.ruleId) ?? 0)),
        properties: {
          "apprentice/rubric": result.rubric.id,
          "apprentice/conclusion": result.conclusion,
          "apprentice/totalResults": reportable.length,
          "apprentice/truncated": reportable.length > kept.length,
          "apprentice/omittedResults": reportable.length - kept.length,
          "apprentice/praiseLeftOut": result.findings.length - reportable.length,
        },
      },
    ],
  };
}

interface RuleEntry {
  info: SarifRuleInfo;
  /** Security categories the rule's results carry, the rule's own first. */
  categories: SecurityCategory[];
}

/** Every known rule, plus any rule a result names that the caller did not describe. */
function ruleList(known: readonly SarifRuleInfo[], findings: readonly Finding[]): RuleEntry[] {
  const entries = new Map<string, RuleEntry>();
  for (const info of known) {
    if (!entries.has(info.id)) entries.set(info.id, { info, categories: info.category ? [info.category] : [] });
  }
  for (const finding of findings) {
    let entry = entries.get(finding.ruleId);
    if (!entry) {
      entry = {
        info: {
          id: finding.ruleId,
          description: finding.ruleId,
          lessonUrl: finding.lesson ?? TOOL_INFORMATION_URI,
          criterion: finding.criterion,
        },
        categories: [],
      };
      entries.set(finding.ruleId, entry);
    }
    if (finding.category && !entry.categories.includes(finding.category)) entry.categories.push(finding.category);
  }
  return [...entries.values()];
}

function toReportingDescriptor({ info, categories }: RuleEntry): ReportingDescriptor {
  const tags = [
    ...(info.criterion ? [info.criterion] : []),
    ...(categories.length > 0 ? ["security"] : []),
    ...categories,
    ...categories.map(
      (category) => `external/cwe/cwe-${String(SECURITY_CATEGORY_TABLE[category].cwe).padStart(3, "0")}`,
    ),
  ];
  const severity = Math.max(...categories.map((category) => SECURITY_CATEGORY_TABLE[category].severity));
  return {
    id: info.id,
    shortDescription: { text: info.description },
    fullDescription: {
      text: `${info.description} The lesson explains why it matters, with a wrong and a right example.`,
    },
    helpUri: info.lessonUrl,
    help: {
      text: `Read the lesson: ${info.lessonUrl}`,
      markdown: `[Read the lesson](${info.lessonUrl}) to see why it matters and how to fix it.`,
    },
    properties: {
      tags: [...new Set(tags)],
      ...(categories.length > 0 ? { "security-severity": severity.toFixed(1) } : {}),
    },
  };
}

function toSarifResult(finding: Finding, ruleIndex: number): SarifResult {
  const text = finding.trace ? `${finding.message} Data flow: ${finding.trace}.` : finding.message;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL_STYLE[finding.level].sarifLevel,
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.path), uriBaseId: "%SRCROOT%" },
          region: region(finding),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      criterion: finding.criterion,
      "apprentice/level": finding.level,
      ...(finding.category ? { category: finding.category } : {}),
    },
  };
}

function region(finding: Finding): Region {
  const startLine = Math.max(1, Math.trunc(finding.line));
  const region: Region = { startLine };
  if (finding.endLine !== undefined) region.endLine = Math.max(startLine, Math.trunc(finding.endLine));
  if (finding.column !== undefined && finding.column >= 1) {
    region.startColumn = Math.trunc(finding.column);
    const endLine = region.endLine ?? startLine;
    if (
      finding.endColumn !== undefined &&
      finding.endColumn >= 1 &&
      (endLine > startLine || finding.endColumn > region.startColumn)
    ) {
      region.endColumn = Math.trunc(finding.endColumn);
    }
  }
  return region;
}

/** A repository path as a relative URI reference: no leading "./" or "/", each segment percent-encoded. */
function relativeUri(path: string): string {
  return path
    .replace(/\\/g, "/")
    .replace(/^(\.\/|\/)+/, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}
