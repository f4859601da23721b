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

export const BRANCHES: readonly BranchSeed[] = [
  { code: "NBI-CBD", name: "Nairobi CBD", county: "NAIROBI", regionCode: "NBI", weight: 18, towns: ["Nairobi"], staff: { orglight: 3, perfil: 2 } },
  { code: "NBI-IND", name: "Nairobi Industrial Area", county: "NAIROBI", regionCode: "NBI", weight: 14, towns: ["Nairobi", "Embakasi"], staff: { orglight: 2, perfil: 2 } },
  { code: "NBI-WST", name: "Westlands", county: "NAIROBI", regionCode: "NBI", weight: 9, towns: ["Nairobi", "Kangemi"], staff: { orglight: 2, perfil: 1 } },
  { code: "KJD-KIT", name: "Kitengela", county: "KAJIADO", regionCode: "NBI", weight: 4, towns: ["Kitengela", "Ongata Rongai", "Kajiado"], staff: { orglight: 1, perfil: 1 } },
  { code: "KBU-THK", name: "Thika", county: "KIAMBU", regionCode: "CEN", weight: 6, towns: ["Thika", "Ruiru", "Juja", "Kiambu"], staff: { orglight: 1, perfil: 1 } },
  { code: "NYR-NYR", name: "Nyeri", county: "NYERI", regionCode: "CEN", weight: 3, towns: ["Nyeri", "Karatina", "Othaya"], staff: { orglight: 1, perfil: 1 } },
  { code: "MSA-MSA", name: "Mombasa", county: "MOMBASA", regionCode: "CST", weight: 10, towns: ["Mombasa", "Likoni", "Nyali", "Mtwapa"], staff: { orglight: 2, perfil: 2 } },
  { code: "KLF-MLD", name: "Malindi", county: "KILIFI", regionCode: "CST", weight: 3, towns: ["Malindi", "Kilifi", "Watamu"], staff: { orglight: 1, perfil: 1 } },
  { code: "NKR-NKR", name: "Nakuru", county: "NAKURU", regionCode: "RFT", weight: 7, towns: ["Nakuru", "Naivasha", "Molo"], staff: { orglight: 2, perfil: 1 } },
  { code: "UGS-ELD", name: "Eldoret", county: "UASIN GISHU", regionCode: "RFT", weight: 5, towns: ["Eldoret", "Turbo", "Burnt Forest"], staff: { orglight: 1, perfil: 1 } },
  { code: "KKG-KKG", name: "Kakamega", county: "KAKAMEGA", regionCode: "WST", weight: 3, towns: ["Kakamega", "Mumias", "Malava"], staff: { orglight: 1, perfil: 1 } },
  { code: "BGM-BGM", name: "Bungoma", county: "BUNGOMA", regionCode: "WST", weight: 2, towns: ["Bungoma", "Webuye", "Kimilili"], staff: { orglight: 1, perfil: 1 } },
  { code: "KSM-KSM", name: "Kisumu", county: "KISUMU", regionCode: "NYZ", weight: 6, towns: ["Kisumu", "Maseno", "Ahero"], staff: { orglight: 2, perfil: 1 } },
  { code: "KSI-KSI", name: "Kisii", county: "KISII", regionCode: "NYZ", weight: 3, towns: ["Kisii", "Ogembo", "Keroka"], staff: { orglight: 1, perfil: 1 } },
  { code: "MCK-MCK", name: "Machakos", county: "MACHAKOS", regionCode: "EST", weight: 4, towns: ["Machakos", "Athi River", "Kangundo"], staff: { orglight: 1, perfil: 1 } },
  { code: "MRU-MRU", name: "Meru", county: "MERU", regionCode: "EST", weight: 3, towns: ["Meru", "Nkubu", "Maua"], staff: { orglight: 1, perfil: 1 } },
];
