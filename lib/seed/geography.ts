// Where the demo company sells: regions of Kenya and branches in real counties.
// `county` is the exact COUNTY_NAM of ../shared/data/kenya-counties.geojson, so the
// sales map joins branches to county shapes without a lookup table.

export interface BusinessUnitSeed {
  slug: "orglight" | "perfil";
  name: string;
}

export interface RegionSeed {
  code: string;
  name: string;
}

export interface BranchSeed {
  code: string;
  name: string;
  county: string;
  regionCode: string;
  /** Share of the company's customers (and so of its sales) served here. */
  weight: number;
  /** Towns the branch's customers are based in; the first is the branch's own town. */
  towns: readonly string[];
  /** Salespeople per business unit. */
  staff: { orglight: number; perfil: number };
}

export const BUSINESS_UNITS: readonly BusinessUnitSeed[] = [
  { slug: "orglight", name: "Orglight" },
  { slug: "perfil", name: "Perfil" },
];

export const REGIONS: readonly RegionSeed[] = [
  { code: "NBI", name: "Nairobi" },
  { code: "CEN", name: "Central" },
  { code: "CST", name: "Coast" },
  { code: "RFT", name: "Rift Valley" },
  { code: "WST", name: "Western" },
  { code: "NYZ", name: "Nyanza" },
  { code: "EST", name: "Eastern" },
];

// prettier-ignore
export const BRANCHES: readonly BranchSeed[] = [
  { code: "NBI-CBD", name: "Nairobi CBD", county: "NAIROBI", regionCode: "NBI", weight: 18, staff: { orglight: 3, perfil: 2 }, towns: ["Nairobi"] },
  { code: "NBI-IND", name: "Nairobi Industrial Area", county: "NAIROBI", regionCode: "NBI", weight: 14, staff: { orglight: 2, perfil: 2 }, towns: ["Nairobi", "Embakasi"] },
  { code: "NBI-WST", name: "Westlands", county: "NAIROBI", regionCode: "NBI", weight: 9, staff: { orglight: 2, perfil: 1 }, towns: ["Nairobi", "Kangemi"] },
  { code: "KJD-KIT", name: "Kitengela", county: "KAJIADO", regionCode: "NBI", weight: 4, staff: { orglight: 1, perfil: 1 }, towns: ["Kitengela", "Ongata Rongai", "Kajiado"] },
  { code: "KBU-THK", name: "Thika", county: "KIAMBU", regionCode: "CEN", weight: 6, staff: { orglight: 1, perfil: 1 }, towns: ["Thika", "Ruiru", "Juja", "Kiambu"] },
  { code: "NYR-NYR", name: "Nyeri", county: "NYERI", regionCode: "CEN", weight: 3, staff: { orglight: 1, perfil: 1 }, towns: ["Nyeri", "Karatina", "Othaya"] },
  { code: "MSA-MSA", name: "Mombasa", county: "MOMBASA", regionCode: "CST", weight: 10, staff: { orglight: 2, perfil: 2 }, towns: ["Mombasa", "Likoni", "Nyali", "Mtwapa"] },
  { code: "KLF-MLD", name: "Malindi", county: "KILIFI", regionCode: "CST", weight: 3, staff: { orglight: 1, perfil: 1 }, towns: ["Malindi", "Kilifi", "Watamu"] },
  { code: "NKR-NKR", name: "Nakuru", county: "NAKURU", regionCode: "RFT", weight: 7, staff: { orglight: 2, perfil: 1 }, towns: ["Nakuru", "Naivasha", "Molo"] },
  { code: "UGS-ELD", name: "Eldoret", county: "UASIN GISHU", regionCode: "RFT", weight: 5, staff: { orglight: 1, perfil: 1 }, towns: ["Eldoret", "Turbo", "Burnt Forest"] },
  { code: "KKG-KKG", name: "Kakamega", county: "KAKAMEGA", regionCode: "WST", weight: 3, staff: { orglight: 1, perfil: 1 }, towns: ["Kakamega", "Mumias", "Malava"] },
  { code: "BGM-BGM", name: "Bungoma", county: "BUNGOMA", regionCode: "WST", weight: 2, staff: { orglight: 1, perfil: 1 }, towns: ["Bungoma", "Webuye", "Kimilili"] },
  { code: "KSM-KSM", name: "Kisumu", county: "KISUMU", regionCode: "NYZ", weight: 6, staff: { orglight: 2, perfil: 1 }, towns: ["Kisumu", "Maseno", "Ahero"] },
  { code: "KSI-KSI", name: "Kisii", county: "KISII", regionCode: "NYZ", weight: 3, staff: { orglight: 1, perfil: 1 }, towns: ["Kisii", "Ogembo", "Keroka"] },
  { code: "MCK-MCK", name: "Machakos", county: "MACHAKOS", regionCode: "EST", weight: 4, staff: { orglight: 1, perfil: 1 }, towns: ["Machakos", "Athi River", "Kangundo"] },
  { code: "MRU-MRU", name: "Meru", county: "MERU", regionCode: "EST", weight: 3, staff: { orglight: 1, perfil: 1 }, towns: ["Meru", "Nkubu", "Maua"] },
];
