// The world the generated corpus is set in: real countries, cities, regions and sites (with
// approximate coordinates), real governments and international bodies, and invented outlets,
// armed groups, companies, think tanks and people. The stories are fiction: every person
// quoted is invented, and attacks are only ever attributed to invented groups, so no real
// person or group is credited with words or acts the corpus makes up.

/** PlaceKind of the data model, as the generator uses it. */
export type PlaceKind = "COUNTRY" | "REGION" | "CITY" | "SITE" | "OTHER";

/** What kind of body an organization is: decides its people's titles and what they say. */
export type OrgKind =
  | "GOVERNMENT"
  | "SECURITY"
  | "INTERNATIONAL"
  | "HUMANITARIAN"
  | "RIGHTS"
  | "ARMED_GROUP"
  | "RESEARCH"
  | "COMPANY"
  | "MEDIA";

/** A country: also a Place of kind COUNTRY. */
export interface CountryFacts {
  readonly code: string;
  readonly name: string;
  readonly demonym: string;
  /** Running text writes "the Philippines", "the United States". */
  readonly withThe: boolean;
  /** The city datelines use for places in the country that are not cities. */
  readonly hub: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly aliases: readonly string[];
  /** How often news happens here, relative to other countries. */
  readonly weight: number;
}

/** A city, region or site. */
export interface LocalPlaceFacts {
  readonly name: string;
  readonly kind: PlaceKind;
  /** Null for places outside any one country (a strait). */
  readonly countryCode: string | null;
  readonly latitude: number;
  readonly longitude: number;
  readonly aliases: readonly string[];
  readonly weight: number;
  /** Running text writes "the Green Zone". */
  readonly withThe: boolean;
}

/** An organization. */
export interface OrgFacts {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: OrgKind;
  readonly countryCode: string | null;
  /** Running text writes "the United Nations" but "Amnesty International". */
  readonly withThe: boolean;
}

function country(
  code: string,
  name: string,
  demonym: string,
  hub: string,
  latitude: number,
  longitude: number,
  weight: number,
  aliases: readonly string[] = [],
  withThe = false,
): CountryFacts {
  return { code, name, demonym, hub, latitude, longitude, weight, aliases, withThe };
}

/** The countries of the corpus, with their demonyms and the dateline city for non-city places. */
export const COUNTRIES: readonly CountryFacts[] = [
  country("IQ", "Iraq", "Iraqi", "Baghdad", 33.0, 44.0, 10),
  country("IR", "Iran", "Iranian", "Tehran", 32.0, 53.0, 5),
  country("SY", "Syria", "Syrian", "Damascus", 35.0, 38.5, 9),
  country("LB", "Lebanon", "Lebanese", "Beirut", 33.85, 35.86, 4),
  country("JO", "Jordan", "Jordanian", "Amman", 31.0, 36.5, 2),
  country("IL", "Israel", "Israeli", "Tel Aviv", 31.5, 34.75, 3),
  country("TR", "Turkey", "Turkish", "Ankara", 39.0, 35.0, 4),
  country("EG", "Egypt", "Egyptian", "Cairo", 26.8, 30.8, 4),
  country("LY", "Libya", "Libyan", "Tripoli", 27.0, 17.0, 5),
  country("YE", "Yemen", "Yemeni", "Sanaa", 15.5, 48.0, 7),
  country("SA", "Saudi Arabia", "Saudi", "Riyadh", 24.0, 45.0, 2),
  country("AF", "Afghanistan", "Afghan", "Kabul", 33.9, 67.7, 8),
  country("PK", "Pakistan", "Pakistani", "Islamabad", 30.4, 69.3, 4),
  country("NG", "Nigeria", "Nigerian", "Abuja", 9.1, 8.7, 5),
  country("ML", "Mali", "Malian", "Bamako", 17.6, -4.0, 4),
  country("NE", "Niger", "Nigerien", "Niamey", 17.6, 8.1, 2),
  country("BF", "Burkina Faso", "Burkinabe", "Ouagadougou", 12.2, -1.6, 2),
  country("SD", "Sudan", "Sudanese", "Khartoum", 15.5, 30.2, 4),
  country("SS", "South Sudan", "South Sudanese", "Juba", 7.9, 30.0, 3),
  country("ET", "Ethiopia", "Ethiopian", "Addis Ababa", 9.1, 40.5, 3),
  country("SO", "Somalia", "Somali", "Mogadishu", 5.2, 46.2, 5),
  country("KE", "Kenya", "Kenyan", "Nairobi", 0.0, 37.9, 3),
  country("CD", "Democratic Republic of the Congo", "Congolese", "Kinshasa", -4.0, 21.8, 4, ["DR Congo", "Congo"], true),
  country("UA", "Ukraine", "Ukrainian", "Kyiv", 48.4, 31.2, 5),
  country("VE", "Venezuela", "Venezuelan", "Caracas", 6.4, -66.6, 2),
  country("CO", "Colombia", "Colombian", "Bogotá", 4.6, -74.3, 2),
  country("MX", "Mexico", "Mexican", "Mexico City", 23.6, -102.5, 3),
  country("MM", "Myanmar", "Myanmar", "Yangon", 21.9, 95.9, 3, ["Burma"]),
  country("PH", "Philippines", "Philippine", "Manila", 12.9, 121.8, 2, [], true),
  country("US", "United States", "American", "Washington", 38.0, -97.0, 2, ["U.S.", "United States of America"], true),
  country("GB", "United Kingdom", "British", "London", 55.4, -3.4, 1, ["Britain", "U.K."], true),
  country("FR", "France", "French", "Paris", 46.2, 2.2, 1),
  country("BE", "Belgium", "Belgian", "Brussels", 50.5, 4.5, 1),
  country("CH", "Switzerland", "Swiss", "Geneva", 46.8, 8.2, 1),
];

function city(
  name: string,
  countryCode: string,
  latitude: number,
  longitude: number,
  weight: number,
  aliases: readonly string[] = [],
): LocalPlaceFacts {
  return { name, kind: "CITY", countryCode, latitude, longitude, weight, aliases, withThe: false };
}

function local(
  kind: PlaceKind,
  name: string,
  countryCode: string | null,
  latitude: number,
  longitude: number,
  weight: number,
  aliases: readonly string[] = [],
  withThe = false,
): LocalPlaceFacts {
  return { name, kind, countryCode, latitude, longitude, weight, aliases, withThe };
}

/** Cities, regions and sites. Two Tripolis and two Tahrir Squares on purpose: names repeat across countries. */
export const LOCAL_PLACES: readonly LocalPlaceFacts[] = [
  city("Baghdad", "IQ", 33.3152, 44.3661, 8),
  city("Basra", "IQ", 30.5085, 47.7804, 6, ["Basrah"]),
  city("Mosul", "IQ", 36.34, 43.13, 6),
  city("Kirkuk", "IQ", 35.4681, 44.3922, 5),
  city("Erbil", "IQ", 36.1911, 44.0092, 4, ["Irbil", "Arbil"]),
  city("Najaf", "IQ", 32.0259, 44.3462, 2),
  city("Karbala", "IQ", 32.616, 44.0249, 2),
  city("Fallujah", "IQ", 33.349, 43.786, 3, ["Falluja"]),
  city("Ramadi", "IQ", 33.4206, 43.3078, 3),
  city("Tikrit", "IQ", 34.6071, 43.6782, 2),
  city("Samarra", "IQ", 34.1959, 43.8857, 2),
  city("Tehran", "IR", 35.6892, 51.389, 4),
  city("Ahvaz", "IR", 31.3183, 48.6706, 2, ["Ahwaz"]),
  city("Mashhad", "IR", 36.2605, 59.6168, 1),
  city("Isfahan", "IR", 32.6546, 51.668, 1),
  city("Zahedan", "IR", 29.4963, 60.8629, 1),
  city("Damascus", "SY", 33.5138, 36.2765, 5),
  city("Aleppo", "SY", 36.2021, 37.1343, 5),
  city("Idlib", "SY", 35.9306, 36.6339, 5),
  city("Homs", "SY", 34.7324, 36.7137, 3),
  city("Raqqa", "SY", 35.9594, 39.0079, 3, ["Raqa"]),
  city("Deir ez-Zor", "SY", 35.3359, 40.1408, 3, ["Deir al-Zour"]),
  city("Daraa", "SY", 32.6189, 36.1021, 2),
  city("Beirut", "LB", 33.8938, 35.5018, 5),
  city("Tripoli", "LB", 34.4367, 35.8497, 2),
  city("Sidon", "LB", 33.5571, 35.3729, 1, ["Saida"]),
  city("Amman", "JO", 31.9454, 35.9284, 3),
  city("Tel Aviv", "IL", 32.0853, 34.7818, 2),
  city("Haifa", "IL", 32.794, 34.9896, 1),
  city("Ankara", "TR", 39.9334, 32.8597, 2),
  city("Istanbul", "TR", 41.0082, 28.9784, 3),
  city("Gaziantep", "TR", 37.0662, 37.3833, 2),
  city("Cairo", "EG", 30.0444, 31.2357, 4),
  city("Alexandria", "EG", 31.2001, 29.9187, 2),
  city("El Arish", "EG", 31.1313, 33.7984, 2, ["Arish"]),
  city("Tripoli", "LY", 32.8872, 13.1913, 4),
  city("Benghazi", "LY", 32.1167, 20.0667, 3),
  city("Misrata", "LY", 32.3754, 15.0925, 2, ["Misurata"]),
  city("Sirte", "LY", 31.2089, 16.5887, 2),
  city("Sanaa", "YE", 15.3694, 44.191, 5, ["Sana’a"]),
  city("Aden", "YE", 12.7855, 45.0187, 4),
  city("Hodeidah", "YE", 14.7978, 42.9545, 4, ["Hudaydah"]),
  city("Taiz", "YE", 13.5795, 44.0209, 3),
  city("Marib", "YE", 15.4543, 45.3269, 2),
  city("Riyadh", "SA", 24.7136, 46.6753, 2),
  city("Jeddah", "SA", 21.4858, 39.1925, 1),
  city("Kabul", "AF", 34.5553, 69.2075, 7),
  city("Kandahar", "AF", 31.6289, 65.7372, 3),
  city("Herat", "AF", 34.3529, 62.204, 2),
  city("Jalalabad", "AF", 34.4265, 70.4515, 2),
  city("Kunduz", "AF", 36.728, 68.8681, 2),
  city("Mazar-i-Sharif", "AF", 36.709, 67.1109, 2),
  city("Islamabad", "PK", 33.6844, 73.0479, 2),
  city("Karachi", "PK", 24.8607, 67.0011, 3),
  city("Peshawar", "PK", 34.0151, 71.5249, 3),
  city("Quetta", "PK", 30.1798, 66.975, 2),
  city("Lahore", "PK", 31.5204, 74.3587, 2),
  city("Abuja", "NG", 9.0765, 7.3986, 2),
  city("Lagos", "NG", 6.5244, 3.3792, 2),
  city("Maiduguri", "NG", 11.8311, 13.151, 4),
  city("Kano", "NG", 12.0022, 8.592, 2),
  city("Bamako", "ML", 12.6392, -8.0029, 2),
  city("Gao", "ML", 16.2717, -0.0447, 2),
  city("Timbuktu", "ML", 16.7666, -3.0026, 2, ["Tombouctou"]),
  city("Mopti", "ML", 14.4843, -4.183, 2),
  city("Niamey", "NE", 13.5116, 2.1254, 2),
  city("Ouagadougou", "BF", 12.3714, -1.5197, 2),
  city("Khartoum", "SD", 15.5007, 32.5599, 3),
  city("El Fasher", "SD", 13.629, 25.3494, 2, ["Al-Fashir"]),
  city("Juba", "SS", 4.8594, 31.5713, 2),
  city("Malakal", "SS", 9.5334, 31.6605, 2),
  city("Addis Ababa", "ET", 9.0054, 38.7636, 2),
  city("Mekelle", "ET", 13.4967, 39.4753, 2, ["Mek’ele"]),
  city("Mogadishu", "SO", 2.0469, 45.3182, 5),
  city("Kismayo", "SO", 0.3582, 42.5454, 2),
  city("Baidoa", "SO", 3.1138, 43.6498, 2),
  city("Nairobi", "KE", -1.2921, 36.8219, 3),
  city("Mombasa", "KE", -4.0435, 39.6682, 1),
  city("Garissa", "KE", -0.4532, 39.6461, 2),
  city("Kinshasa", "CD", -4.4419, 15.2663, 2),
  city("Goma", "CD", -1.6585, 29.2203, 3),
  city("Beni", "CD", 0.4911, 29.4731, 3),
  city("Kyiv", "UA", 50.4501, 30.5234, 4, ["Kiev"]),
  city("Donetsk", "UA", 48.0159, 37.8029, 3),
  city("Luhansk", "UA", 48.574, 39.3078, 2, ["Lugansk"]),
  city("Mariupol", "UA", 47.0971, 37.5434, 2),
  city("Kharkiv", "UA", 49.9935, 36.2304, 2, ["Kharkov"]),
  city("Caracas", "VE", 10.4806, -66.9036, 2),
  city("Maracaibo", "VE", 10.6427, -71.6125, 1),
  city("Bogotá", "CO", 4.711, -74.0721, 2, ["Bogota"]),
  city("Cali", "CO", 3.4516, -76.532, 1),
  city("Medellín", "CO", 6.2442, -75.5812, 1, ["Medellin"]),
  city("Mexico City", "MX", 19.4326, -99.1332, 2),
  city("Culiacán", "MX", 24.8091, -107.394, 1, ["Culiacan"]),
  city("Ciudad Juárez", "MX", 31.6904, -106.4245, 1, ["Juárez", "Ciudad Juarez"]),
  city("Yangon", "MM", 16.8409, 96.1735, 2, ["Rangoon"]),
  city("Naypyitaw", "MM", 19.7633, 96.0785, 1, ["Nay Pyi Taw"]),
  city("Sittwe", "MM", 20.1528, 92.8677, 1),
  city("Manila", "PH", 14.5995, 120.9842, 2),
  city("Marawi", "PH", 8.0034, 124.2839, 1),
  city("Cotabato", "PH", 7.2236, 124.2464, 1),
  city("Washington", "US", 38.9072, -77.0369, 3, ["Washington, D.C."]),
  city("New York", "US", 40.7128, -74.006, 2),
  city("London", "GB", 51.5074, -0.1278, 1),
  city("Paris", "FR", 48.8566, 2.3522, 1),
  city("Brussels", "BE", 50.8503, 4.3517, 1, ["Bruxelles"]),
  city("Geneva", "CH", 46.2044, 6.1432, 2, ["Genève"]),
  local("REGION", "Anbar", "IQ", 33.0, 42.0, 2, ["Anbar province"]),
  local("REGION", "Nineveh", "IQ", 36.0, 42.5, 2, ["Nineveh province"]),
  local("REGION", "Khuzestan", "IR", 31.4, 49.0, 1),
  local("REGION", "Borno State", "NG", 11.5, 13.0, 3, ["Borno"]),
  local("REGION", "Tigray", "ET", 14.0, 38.5, 2),
  local("REGION", "Darfur", "SD", 13.0, 24.0, 2),
  local("REGION", "North Kivu", "CD", -0.8, 29.0, 2),
  local("REGION", "Donbas", "UA", 48.0, 38.5, 2, ["Donbass"]),
  local("REGION", "Helmand", "AF", 31.0, 64.0, 2, ["Helmand province"]),
  local("REGION", "Sinai Peninsula", "EG", 29.5, 33.8, 2, ["Sinai"], true),
  local("REGION", "Rakhine State", "MM", 20.0, 93.5, 1, ["Rakhine"]),
  local("SITE", "Baghdad International Airport", "IQ", 33.2625, 44.2346, 1),
  local("SITE", "Green Zone", "IQ", 33.3, 44.39, 2, ["International Zone"], true),
  local("SITE", "Tahrir Square", "IQ", 33.3328, 44.4167, 1),
  local("SITE", "Tahrir Square", "EG", 30.0444, 31.2357, 1),
  local("SITE", "Port of Beirut", "LB", 33.901, 35.519, 1, [], true),
  local("SITE", "Port of Hodeidah", "YE", 14.83, 42.93, 1, [], true),
  local("SITE", "Bab al-Hawa border crossing", "SY", 36.23, 36.67, 1, ["Bab al-Hawa"], true),
  local("SITE", "Rafah crossing", "EG", 31.25, 34.26, 1, [], true),
  local("SITE", "Al-Hol camp", "SY", 36.38, 41.15, 1, ["al-Hol"], true),
  local("SITE", "Dadaab refugee camp", "KE", 0.05, 40.31, 1, ["Dadaab"], true),
  local("SITE", "Mosul Dam", "IQ", 36.63, 42.82, 1, [], true),
  local("OTHER", "Strait of Hormuz", null, 26.5667, 56.25, 1, ["Hormuz"], true),
];

function org(name: string, kind: OrgKind, countryCode: string | null, aliases: readonly string[] = [], withThe = true): OrgFacts {
  return { name, kind, countryCode, aliases, withThe };
}

/** The news outlets: invented, so invented stories are never credited to a real newsroom. */
export const OUTLETS: ReadonlyArray<{ readonly name: string; readonly domain: string; readonly weight: number }> = [
  { name: "Meridian Wire", domain: "meridianwire.example", weight: 30 },
  { name: "Global Dispatch", domain: "globaldispatch.example", weight: 20 },
  { name: "The Frontline Post", domain: "frontlinepost.example", weight: 12 },
  { name: "Levant Ledger", domain: "levantledger.example", weight: 10 },
  { name: "Sahel Observer", domain: "sahelobserver.example", weight: 8 },
  { name: "Continental Press Agency", domain: "continentalpress.example", weight: 10 },
  { name: "Harbor Times", domain: "harbortimes.example", weight: 5 },
  { name: "The Daily Chronicle", domain: "dailychronicle.example", weight: 5 },
];

/** The organizations: governments and international bodies are real, the rest invented. */
export const ORGANIZATIONS: readonly OrgFacts[] = [
  org("U.S. Department of State", "GOVERNMENT", "US", ["State Department"]),
  org("White House", "GOVERNMENT", "US"),
  org("U.S. Department of Defense", "SECURITY", "US", ["Pentagon"]),
  org("United Nations", "INTERNATIONAL", null, ["UN", "U.N."]),
  org("UN Security Council", "INTERNATIONAL", null, ["Security Council"]),
  org("UN High Commissioner for Refugees", "HUMANITARIAN", null, ["UNHCR", "UN refugee agency"]),
  org("World Health Organization", "HUMANITARIAN", null, ["WHO"]),
  org("World Food Programme", "HUMANITARIAN", null, ["WFP"]),
  org("International Committee of the Red Cross", "HUMANITARIAN", null, ["ICRC", "Red Cross"]),
  org("Doctors Without Borders", "HUMANITARIAN", null, ["MSF", "Médecins Sans Frontières"], false),
  org("Amnesty International", "RIGHTS", null, ["Amnesty"], false),
  org("Human Rights Watch", "RIGHTS", null, ["HRW"], false),
  org("NATO", "INTERNATIONAL", null, ["North Atlantic Treaty Organization"], false),
  org("European Union", "INTERNATIONAL", "BE", ["EU"]),
  org("African Union", "INTERNATIONAL", "ET", ["AU"]),
  org("Arab League", "INTERNATIONAL", "EG", ["League of Arab States"]),
  org("Iraqi Interior Ministry", "GOVERNMENT", "IQ", ["Interior Ministry"]),
  org("Iraqi Security Forces", "SECURITY", "IQ", ["ISF"]),
  org("Kurdistan Regional Government", "GOVERNMENT", "IQ", ["KRG"]),
  org("Iranian Foreign Ministry", "GOVERNMENT", "IR", ["Foreign Ministry"]),
  org("Syrian Arab Red Crescent", "HUMANITARIAN", "SY", ["SARC"]),
  org("Lebanese Army", "SECURITY", "LB"),
  org("Turkish Defense Ministry", "SECURITY", "TR", ["Defense Ministry"]),
  org("Egyptian Interior Ministry", "GOVERNMENT", "EG", ["Interior Ministry"]),
  org("Libyan Interior Ministry", "GOVERNMENT", "LY", ["Interior Ministry"]),
  org("Yemeni Health Ministry", "GOVERNMENT", "YE", ["Health Ministry"]),
  org("Afghan Interior Ministry", "GOVERNMENT", "AF", ["Interior Ministry"]),
  org("Pakistani Army", "SECURITY", "PK"),
  org("Nigerian Army", "SECURITY", "NG"),
  org("Malian Armed Forces", "SECURITY", "ML", ["FAMa"]),
  org("Kenya Police Service", "SECURITY", "KE", ["Kenyan police"]),
  org("Ukrainian Foreign Ministry", "GOVERNMENT", "UA", ["Foreign Ministry"]),
  org("Colombian National Police", "SECURITY", "CO"),
  org("Mexican Attorney General’s Office", "GOVERNMENT", "MX", ["Attorney General’s Office"]),
  org("Somali National Army", "SECURITY", "SO"),
  org("Ethiopian Foreign Ministry", "GOVERNMENT", "ET", ["Foreign Ministry"]),
  org("Northern Liberation Front", "ARMED_GROUP", "SY", ["NLF"]),
  org("Brigades of the Southern Dawn", "ARMED_GROUP", "IQ", ["Southern Dawn"]),
  org("Sahel Freedom Movement", "ARMED_GROUP", "ML", ["SFM"]),
  org("Eastern Shield Militia", "ARMED_GROUP", "CD", ["Eastern Shield"]),
  org("Coastal Resistance Council", "ARMED_GROUP", "LY"),
  org("Black Banner Brigade", "ARMED_GROUP", "AF"),
  org("Red Mountain Army", "ARMED_GROUP", "YE", ["RMA"]),
  org("Center for Strategic Security Studies", "RESEARCH", null, ["CSSS"]),
  org("Levant Policy Institute", "RESEARCH", "LB"),
  org("Gulf Petroleum Services", "COMPANY", "IQ", ["GPS"], false),
  org("Meridian Shipping Lines", "COMPANY", null, [], false),
  ...OUTLETS.map((outlet) => org(outlet.name, "MEDIA", null, [], false)),
];

/** Given names of the invented people, from many languages (some with diacritics on purpose). */
export const GIVEN_NAMES: readonly string[] = [
  "Ahmed", "Mohammed", "Fatima", "Layla", "Omar", "Hassan", "Zainab", "Karim", "Rana", "Samir",
  "Yasmin", "Tariq", "Nour", "Hussein", "Mariam", "Khalid", "Amira", "Walid", "Salma", "Faisal",
  "Reza", "Parisa", "Dariush", "Shirin", "Kaveh", "Nasrin", "Emre", "Elif", "Murat", "Zeynep",
  "Chinedu", "Amina", "Kwame", "Abena", "Oluwaseun", "Wanjiru", "Tesfaye", "Mekdes", "Abdi", "Hodan",
  "Moussa", "Aïssata", "Oksana", "Taras", "Olena", "Dmytro", "Alejandro", "Camila", "Mateo", "Valentina",
  "José", "María", "James", "Sarah", "Thomas", "Claire", "Daniel", "Emma", "Michael", "Laura",
  "Peter", "Anna", "Lukas", "Sophie", "Jean-Luc", "Élodie", "Aung", "Thandar", "Rodrigo", "Isabel",
  "Yusuf", "Hana", "Ibrahim", "Leila", "Nikolai", "Ingrid", "Kofi", "Adaeze", "Santiago", "Lucía",
];

/** Family names of the invented people. */
export const FAMILY_NAMES: readonly string[] = [
  "al-Sadi", "Haddad", "Karimi", "Rahimi", "Mansour", "Nasser", "Khalil", "Saleh", "Hamdan", "al-Tamimi",
  "Jaber", "Aziz", "Farouk", "Yilmaz", "Demir", "Okafor", "Adeyemi", "Mensah", "Ochieng", "Kamau",
  "Bekele", "Tadesse", "Warsame", "Farah", "Traoré", "Diallo", "Keïta", "Coulibaly", "Kovalenko", "Shevchenko",
  "Bondarenko", "Melnyk", "García", "Rodríguez", "Martínez", "López", "Hernández", "Morales", "Ortega", "Smith",
  "Johnson", "Miller", "Davies", "Clarke", "Walker", "Hughes", "Bennett", "Fischer", "Weber", "Müller",
  "Dubois", "Laurent", "Moreau", "Rossi", "Bianchi", "Kyaw", "Santos", "Reyes", "Cruz", "Hosseini",
  "Moradi", "Jafari", "Sharif", "Qureshi", "Baig", "Malik", "Siddiqui", "Abbas", "Darwish", "Ibrahim",
  "Yousef", "Othman", "Suleiman", "O’Brien", "N’Diaye", "Lindqvist", "Novak", "Petrov", "Osei", "Abubakar",
  "Mwangi", "Nyambura", "Haile", "Gebre", "Castillo", "Vargas", "Mendoza", "Tan", "Nakamura", "Kaya",
];

/** Other spellings of given names, used as NAME aliases ("Mohammed Haddad" is also "Muhammad Haddad"). */
export const GIVEN_NAME_VARIANTS: Readonly<Record<string, string>> = {
  Mohammed: "Muhammad",
  Ahmed: "Ahmad",
  Hussein: "Husain",
  Yusuf: "Youssef",
  Oksana: "Oxana",
  Dmytro: "Dmitry",
  Zainab: "Zaynab",
  Khalid: "Khaled",
  Omar: "Umar",
};

/** Job titles by kind of organization. */
export const TITLES: Readonly<Record<OrgKind, readonly string[]>> = {
  GOVERNMENT: ["spokesperson", "senior adviser", "director general", "undersecretary", "press secretary"],
  SECURITY: ["spokesperson", "commander", "operations commander", "press officer", "chief of staff"],
  INTERNATIONAL: ["special envoy", "spokesperson", "political affairs officer", "ambassador", "under-secretary-general"],
  HUMANITARIAN: ["country director", "spokesperson", "field coordinator", "emergency coordinator", "head of delegation"],
  RIGHTS: ["researcher", "regional director", "senior researcher", "advocacy director"],
  ARMED_GROUP: ["spokesperson", "commander", "political officer"],
  RESEARCH: ["senior fellow", "director", "analyst", "research fellow"],
  COMPANY: ["chief executive", "spokesperson", "operations manager", "security director"],
  MEDIA: ["correspondent", "editor"],
};

/** Military and police ranks written before a security official's name (not part of the name). */
export const RANKS: readonly string[] = ["Col.", "Maj. Gen.", "Brig. Gen.", "Lt. Col.", "Capt.", "Maj."];
