// The sales team: each salesperson works in one branch for one business unit.
import { BRANCHES, type BusinessUnitSeed } from "./geography";
import type { Random } from "./random";

export interface SalespersonSeed {
  code: string;
  name: string;
  branchCode: string;
  businessUnit: BusinessUnitSeed["slug"];
  /** Share of the branch's orders this person wins, relative to colleagues; also tightens discounts. */
  skill: number;
}

const FIRST_NAMES = [
  "Wanjiku",
  "Achieng",
  "Njeri",
  "Wambui",
  "Chebet",
  "Kiprop",
  "Akinyi",
  "Nyambura",
  "Jepkosgei",
  "Wairimu",
  "Muthoni",
  "Auma",
  "Nafula",
  "Kendi",
  "Zawadi",
  "Baraka",
  "Amina",
  "Hassan",
  "Faith",
  "Brian",
  "Grace",
  "Kevin",
  "Mercy",
  "Dennis",
  "Esther",
  "Collins",
  "Lucy",
  "Peter",
  "Halima",
  "Joseph",
  "Mary",
  "James",
  "Caroline",
  "Samuel",
  "Purity",
  "Victor",
  "Sharon",
  "Daniel",
  "Joyce",
  "Moses",
];

const SURNAMES = [
  "Kamau",
  "Otieno",
  "Mwangi",
  "Odhiambo",
  "Wanjiru",
  "Kiprotich",
  "Mutua",
  "Ochieng",
  "Njoroge",
  "Wafula",
  "Koech",
  "Kibet",
  "Omondi",
  "Nyaga",
  "Ndungu",
  "Chege",
  "Maina",
  "Wekesa",
  "Juma",
  "Said",
  "Onyango",
  "Kimani",
  "Githinji",
  "Rotich",
  "Cheruiyot",
  "Owino",
  "Musyoka",
  "Karanja",
  "Langat",
  "Mohamed",
];

// Fixed leaders and laggards (by code) so rankings have a story that tests can rely on.
const STANDOUT_SKILL: Readonly<Record<string, number>> = {
  "SP-001": 2.8, // Nairobi CBD, Orglight
  "SP-003": 0.3, // Nairobi CBD, Orglight
  "SP-006": 1.9, // Nairobi Industrial Area, Orglight
  "SP-019": 2.2, // Mombasa, Orglight
  "SP-022": 0.35, // Mombasa, Perfil
  "SP-026": 0.4, // Nakuru, Orglight
};

export function createSalespeople(random: Random): SalespersonSeed[] {
  const people: SalespersonSeed[] = [];
  const usedNames = new Set<string>();
  for (const branch of BRANCHES) {
    for (const businessUnit of ["orglight", "perfil"] as const) {
      for (let seat = 0; seat < branch.staff[businessUnit]; seat++) {
        let name: string;
        do name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
        while (usedNames.has(name));
        usedNames.add(name);
        const code = `SP-${String(people.length + 1).padStart(3, "0")}`;
        const skill = STANDOUT_SKILL[code] ?? random.logNormal(0.15);
        people.push({ code, name, branchCode: branch.code, businessUnit, skill });
      }
    }
  }
  return people;
}
