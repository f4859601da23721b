import type { Role } from "../permissions";

/** Who may run pipelines (dry runs too) and review quarantine (PRODUCT §1). */
export const PIPELINE_ROLES: readonly Role[] = ["ADMIN", "MANAGER", "ANALYST"];
