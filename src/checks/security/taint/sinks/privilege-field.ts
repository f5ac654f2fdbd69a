/**
 * Mass assignment one field at a time: a role or admin flag taken from the request on a create
 * (`User.create({ email, role: req.body.role || "customer" })`, `save({ ..., isAdmin: dto.isAdmin ?? false })`).
 * Whoever signs up can make themselves an admin; the server decides the role of a new account.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { keyName } from "../../../shared/ast/names.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import type { SinkHit } from "./sink-hit.js";

/** Fields that grant privileges. */
const PRIVILEGE_FIELD =
  /^(roles?|isAdmin|is_admin|admin|isStaff|is_staff|staff|isSuperuser|is_superuser|superuser|permissions|privileges?|accessLevel|access_level|userType|user_type)$/;

/** The privilege fields of an object written on a create whose value comes from the request. */
export function privilegeFieldHits(
  object: TSESTree.ObjectExpression,
  analyzer: TaintAnalyzer,
  sink: string,
): SinkHit[] {
  // Only where the code under analysis builds the record from the request itself: through another file's function
  // (a service taking a DTO), an object spread then overridden (`{ ...dto, role: { id: RoleEnum.user } }`) is
  // not told apart field by field.
  if (analyzer.options.bindings) return [];
  for (const property of object.properties) {
    if (property.type !== "Property") continue;
    const key = keyName(property.key, property.computed);
    if (!key || !PRIVILEGE_FIELD.test(key)) continue;
    const taint = analyzer.value(property.value as TSESTree.Node).taint;
    // A typed NestJS DTO counts as cleaned for mass assignment (its whitelist drops unknown fields), but reading
    // `dto.isAdmin` means the DTO declares the field: the whitelist lets it through.
    if (taint?.kind !== "request") continue;
    return [{ category: "mass-assignment", node: property, sink: `\`${key}\` of ${sink}`, taint }];
  }
  return [];
}
