import DataLoader from "dataloader";
import type { PrismaClient } from "../../db/index.js";
import type { Person } from "../../generated/prisma/client.js";

/** Per-request loaders for people: by id and their aliases, one query per batch. */
export function createPeopleLoaders(prisma: PrismaClient) {
  return {
    personById: new DataLoader<string, Person | null>(async (ids) => {
      const rows = await prisma.person.findMany({ where: { id: { in: [...ids] }, deletedAt: null } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    aliasesByPerson: new DataLoader<string, string[]>(async (personIds) => {
      const rows = await prisma.personAlias.findMany({
        where: { personId: { in: [...personIds] } },
        orderBy: [{ personId: "asc" }, { createdAt: "asc" }, { alias: "asc" }],
        select: { personId: true, alias: true },
      });
      const byPerson = new Map<string, string[]>();
      for (const row of rows) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row.alias]);
      return personIds.map((id) => byPerson.get(id) ?? []);
    }),
  };
}
