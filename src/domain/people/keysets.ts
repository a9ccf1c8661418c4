import type { Prisma } from "../../db/index.js";
import type { Organization, Person, PersonRole } from "../../generated/prisma/client.js";
import { Keyset } from "../../core/paging.js";

/** People by name, then id. */
export const personNameKeyset = new Keyset<Person, Prisma.PersonWhereInput, Prisma.PersonOrderByWithRelationInput>("people:name:asc", [
  { field: "name", direction: "asc", type: "string", value: (person) => person.name },
  { field: "id", direction: "asc", type: "uuid", value: (person) => person.id },
]);

/** Organizations by name (unique). */
export const organizationNameKeyset = new Keyset<Organization, Prisma.OrganizationWhereInput, Prisma.OrganizationOrderByWithRelationInput>(
  "organizations:name:asc",
  [{ field: "name", direction: "asc", type: "string", value: (organization) => organization.name }],
);

/** A person's roles, most recent first, undated ones last. */
export const personRoleKeyset = new Keyset<PersonRole, Prisma.PersonRoleWhereInput, Prisma.PersonRoleOrderByWithRelationInput>("roles:start:desc", [
  { field: "startDate", direction: "desc", type: "date", nullable: true, value: (role) => role.startDate },
  { field: "id", direction: "desc", type: "uuid", value: (role) => role.id },
]);
