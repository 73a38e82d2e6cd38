// A database written by Slant before migration v2: `sqlite3 .dump` of the store made by
// the v1 build (git 225690f) with
//   slant score --save --db v1.sqlite --key wire-report.txt Examples/wire-report.txt
//   slant annotate --db v1.sqlite wire-report.txt --paragraph 2 --verdict agree \
//         --note 'Straight report; "quotes" & <tags> kept.' --reviewer "Mara Lind"
//   slant annotate --db v1.sqlite wire-report.txt --finding 1 --verdict disagree --reviewer "Tomás Reyes"
//   slant annotate --db v1.sqlite wire-report.txt --quote corrosion --note "Which inspection?" --reviewer "Mara Lind"
//   sqlite3 v1.sqlite .dump
// Kept as SQL text so it diffs and never needs regenerating: migrations are never edited.
enum StoreV1Fixture {
    static let documents = 1, revisions = 1, runs = 1, findings = 25, paragraphScores = 11, reviewers = 2, notes = 3, anchors = 3

    static let sql = #"""
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES('v1');
CREATE TABLE IF NOT EXISTS "documents" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "key" TEXT NOT NULL UNIQUE, "current_revision_id" INTEGER, "created" TEXT NOT NULL);
INSERT INTO documents VALUES(1,'wire-report.txt',1,'2026-11-22T11:34:56.417Z');
CREATE TABLE IF NOT EXISTS "revisions" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "document_id" INTEGER NOT NULL REFERENCES "documents"("id") ON DELETE CASCADE, "text" TEXT NOT NULL, "sha256" TEXT NOT NULL, "created" TEXT NOT NULL, UNIQUE ("document_id", "sha256"));
INSERT INTO revisions VALUES(1,1,replace('Carrow Bay to close Harlow River bridge for repairs after inspection finds corrosion\n\nCARROW BAY (Tidewater Wire) — The town of Carrow Bay will close the Harlow River footbridge to all traffic from Jan. 12 while crews repair corroded steel supports, town officials said on Tuesday.\n\n"We expect the repairs to take six weeks," said Dana Whitlock, the mayor of Carrow Bay. She told reporters at a briefing in the town hall that the closure would begin at 6 p.m. and that a temporary ferry service would run during daylight hours.\n\nThe repairs will cost about $3.5 million, according to a budget summary released by the town finance office. Whitlock said roughly half of that amount would come from a U.S. Department of Transportation grant awarded to the town last year.\n\nAn inspection in November found rust damage on four of the bridge''s twelve support beams, according to a report by the engineering firm Lindqvist & Shaw. Dr. Priya Raman, the engineer who led the inspection, wrote in the report that the bridge remained safe for pedestrians but that the damage would worsen without repairs.\n\nDr. Raman added in a telephone interview: "The steel is still carrying its load, but the coating has failed in several places and water is reaching the beams."\n\nThe Harlow Gazette reported last week that about 2,400 people cross the bridge on an average weekday, citing figures from the county transport office. A spokesperson for the county office said in an emailed statement that the figure was correct.\n\nJ. R. Okafor, who chairs the Carrow Bay Chamber of Commerce, said some shop owners on Quay Street had asked the town to keep the bridge open on weekends. "Our members understand the work needs to happen, and they have asked for clear signs directing visitors to the ferry," Okafor said.\n\nWhitlock said the town had considered weekend openings but that the contractor, Marlow Civil Works, had advised against it. A spokesperson for Marlow Civil Works, Teresa Alvarado, told Tidewater Wire that partial reopening would add about two weeks to the schedule.\n\nThe ferry will run every 20 minutes between 7 a.m. and 7 p.m., according to a notice posted on the town''s website. Residents with mobility needs can book a shuttle van by calling the town office, the notice said.\n\nThe town council is scheduled to review progress on the project at its meeting on Feb. 3, according to the council''s published agenda.\n','\n',char(10)),'701267659c2bacf1ab63fb1f394407c8fc1d758949d6fbeb8f0d8cdcf3ad1077','2026-11-22T11:34:56.417Z');
CREATE TABLE IF NOT EXISTS "runs" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "revision_id" INTEGER NOT NULL REFERENCES "revisions"("id") ON DELETE CASCADE, "rubric_name" TEXT NOT NULL, "rubric_version" TEXT NOT NULL, "rubric_sha256" TEXT NOT NULL, "slant_version" TEXT NOT NULL, "editorializing" DOUBLE NOT NULL, "words" INTEGER NOT NULL, "created" TEXT NOT NULL, UNIQUE ("revision_id", "rubric_sha256"));
INSERT INTO runs VALUES(1,1,'slant-default','0.1.0','5d142e3fd2f4464f228809bd5bec047ff767c8b6fb42f042a520bbe2791aa0aa','0.1.0',3.3999999999999999111,392,'2026-11-22T11:34:56.417Z');
CREATE TABLE IF NOT EXISTS "findings" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "run_id" INTEGER NOT NULL REFERENCES "runs"("id") ON DELETE CASCADE, "rule" TEXT NOT NULL, "family" TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, "text" TEXT NOT NULL, "message" TEXT NOT NULL, "weight" DOUBLE NOT NULL, "voice" TEXT NOT NULL, "source_type" TEXT, "paragraph" INTEGER NOT NULL);
INSERT INTO findings VALUES(1,1,'attribution','attribution',265,269,'said','Attribution (anonymous): town officials — ''said''',0.59999999999999997779,'author','anonymous',1);
INSERT INTO findings VALUES(2,1,'opinion.pronoun','opinion',284,286,'We','First person: ''We''',0.4000000000000000222,'quoted',NULL,2);
INSERT INTO findings VALUES(3,1,'attribution','attribution',287,293,'expect','Attribution (named): We — ''expect''',0.0,'quoted','named',2);
INSERT INTO findings VALUES(4,1,'attribution','attribution',326,330,'said','Attribution (named): Dana Whitlock — ''said''',0.0,'author','named',2);
INSERT INTO findings VALUES(5,1,'attribution','attribution',375,379,'told','Attribution (named): She — ''told''',0.0,'author','named',2);
INSERT INTO findings VALUES(6,1,'attribution','attribution',571,583,'according to','Attribution (outlet): a budget summary released by the town finance office — ''according to''',0.0,'author','outlet',3);
INSERT INTO findings VALUES(7,1,'attribution','attribution',647,651,'said','Attribution (named): Whitlock — ''said''',0.0,'author','named',3);
INSERT INTO findings VALUES(8,1,'attribution','attribution',796,801,'found','Attribution (named): An inspection in November — ''found''',0.0,'author','named',4);
INSERT INTO findings VALUES(9,1,'attribution','attribution',860,872,'according to','Attribution (outlet): a report by the engineering firm Lindqvist & Shaw — ''according to''',0.0,'author','outlet',4);
INSERT INTO findings VALUES(10,1,'attribution','attribution',978,983,'wrote','Attribution (named): Dr. Priya Raman — ''wrote''',0.0,'author','named',4);
INSERT INTO findings VALUES(11,1,'attribution','attribution',1105,1110,'added','Attribution (named): Dr. Raman — ''added''',0.0,'author','named',5);
INSERT INTO findings VALUES(12,1,'attribution','attribution',1275,1283,'reported','Attribution (outlet): The Harlow Gazette — ''reported''',0.0,'author','outlet',6);
INSERT INTO findings VALUES(13,1,'attribution','attribution',1358,1364,'citing','Attribution (outlet): figures from the county transport office — ''citing''',0.0,'author','outlet',6);
INSERT INTO findings VALUES(14,1,'attribution','attribution',1444,1448,'said','Attribution (outlet): A spokesperson for the county office — ''said''',0.0,'author','outlet',6);
INSERT INTO findings VALUES(15,1,'attribution','attribution',1564,1568,'said','Attribution (named): J. R. Okafor — ''said''',0.0,'author','named',7);
INSERT INTO findings VALUES(16,1,'attribution','attribution',1605,1610,'asked','Attribution (anonymous): some shop owners on Quay Street had — ''asked''',0.59999999999999997779,'author','anonymous',7);
INSERT INTO findings VALUES(17,1,'opinion.pronoun','opinion',1658,1661,'Our','First person: ''Our''',0.4000000000000000222,'quoted',NULL,7);
INSERT INTO findings VALUES(18,1,'opinion.obligation','opinion',1690,1698,'needs to','Obligation: ''needs to''',0.5,'quoted',NULL,7);
INSERT INTO findings VALUES(19,1,'attribution','attribution',1784,1788,'said','Attribution (named): Okafor — ''said''',0.0,'author','named',7);
INSERT INTO findings VALUES(20,1,'attribution','attribution',1800,1804,'said','Attribution (named): Whitlock — ''said''',0.0,'author','named',8);
INSERT INTO findings VALUES(21,1,'attribution','attribution',1971,1975,'told','Attribution (outlet): A spokesperson for Marlow Civil Works — ''told''',0.0,'author','outlet',8);
INSERT INTO findings VALUES(22,1,'attribution','attribution',2121,2133,'according to','Attribution (outlet): a notice posted — ''according to''',0.0,'author','outlet',9);
INSERT INTO findings VALUES(23,1,'attribution','attribution',2229,2236,'calling','Attribution (anonymous): mobility needs can book a shuttle van by — ''calling''',0.59999999999999997779,'author','anonymous',9);
INSERT INTO findings VALUES(24,1,'attribution','attribution',2265,2269,'said','Attribution (outlet): the notice — ''said''',0.0,'author','outlet',9);
INSERT INTO findings VALUES(25,1,'attribution','attribution',2362,2374,'according to','Attribution (outlet): the council''s published agenda — ''according to''',0.0,'author','outlet',10);
CREATE TABLE IF NOT EXISTS "paragraph_scores" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "run_id" INTEGER NOT NULL REFERENCES "runs"("id") ON DELETE CASCADE, "paragraph" INTEGER NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, "kind" TEXT NOT NULL, "words" INTEGER NOT NULL, "editorializing" DOUBLE NOT NULL, "flagged" BOOLEAN NOT NULL, "families" TEXT NOT NULL, UNIQUE ("run_id", "paragraph"));
INSERT INTO paragraph_scores VALUES(1,1,0,0,84,'heading',13,0.0,0,'{"counts":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(2,1,1,86,281,'prose',32,13.099999999999999644,0,'{"counts":{"attribution":1,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0.6,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(3,1,2,283,527,'prose',45,0.0,0,'{"counts":{"attribution":3,"hedging":0,"loaded_language":0,"opinion":1,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(4,1,3,529,768,'prose',40,0.0,0,'{"counts":{"attribution":2,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(5,1,4,770,1093,'prose',53,0.0,0,'{"counts":{"attribution":3,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(6,1,5,1095,1254,'prose',28,0.0,0,'{"counts":{"attribution":1,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(7,1,6,1256,1501,'prose',40,0.0,0,'{"counts":{"attribution":3,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(8,1,7,1503,1789,'prose',51,8.4000000000000003552,0,'{"counts":{"attribution":3,"hedging":0,"loaded_language":0,"opinion":2,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0.6,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(9,1,8,1791,2056,'prose',41,0.0,0,'{"counts":{"attribution":2,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(10,1,9,2058,2270,'prose',39,10.900000000000000354,0,'{"counts":{"attribution":3,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0.6,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
INSERT INTO paragraph_scores VALUES(11,1,10,2272,2406,'prose',23,0.0,0,'{"counts":{"attribution":1,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0},"weighted":{"attribution":0,"hedging":0,"loaded_language":0,"opinion":0,"scare_quote":0,"unsourced_claim":0}}');
CREATE TABLE IF NOT EXISTS "reviewers" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "name" TEXT NOT NULL UNIQUE);
INSERT INTO reviewers VALUES(1,'Mara Lind');
INSERT INTO reviewers VALUES(2,'Tomás Reyes');
CREATE TABLE IF NOT EXISTS "notes" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "uid" TEXT NOT NULL UNIQUE, "document_id" INTEGER NOT NULL REFERENCES "documents"("id") ON DELETE CASCADE, "revision_id" INTEGER NOT NULL REFERENCES "revisions"("id") ON DELETE CASCADE, "reviewer_id" INTEGER NOT NULL REFERENCES "reviewers"("id"), "target_kind" TEXT NOT NULL CHECK ("target_kind" IN ('finding', 'paragraph', 'quote')), "target_rule" TEXT, "target_start" INTEGER, "target_end" INTEGER, "paragraph" INTEGER, "verdict" TEXT CHECK (("verdict" IS NULL) OR ("verdict" IN ('agree', 'disagree', 'unsure'))), "label" TEXT, "text" TEXT NOT NULL, "created" TEXT NOT NULL, "updated" TEXT NOT NULL, "quote_exact" TEXT NOT NULL, "quote_prefix" TEXT NOT NULL, "quote_suffix" TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL);
INSERT INTO notes VALUES(1,'8779109d-3883-4050-9aa6-454fcef1c1da',1,1,1,'paragraph',NULL,NULL,NULL,2,'agree',NULL,'Straight report; "quotes" & <tags> kept.','2026-11-22T11:34:56.683Z','2026-11-22T11:34:56.683Z','"We expect the repairs to take six weeks," said Dana Whitlock, the mayor of Carrow Bay. She told reporters at a briefing in the town hall that the closure would begin at 6 p.m. and that a temporary ferry service would run during daylight hours.',replace('own officials said on Tuesday.\n\n','\n',char(10)),replace('\n\nThe repairs will cost about $3','\n',char(10)),283,527);
INSERT INTO notes VALUES(2,'ce9e2ed2-b047-4db4-b14d-dbeab195c77c',1,1,2,'finding','attribution',265,269,1,'disagree',NULL,'','2026-11-22T11:34:56.818Z','2026-11-22T11:34:56.818Z','said',' steel supports, town officials ',replace(' on Tuesday.\n\n"We expect the rep','\n',char(10)),265,269);
INSERT INTO notes VALUES(3,'0456db72-01b3-4276-ac59-bf9ffcc66761',1,1,1,'quote',NULL,NULL,NULL,0,NULL,NULL,'Which inspection?','2026-11-22T11:34:56.942Z','2026-11-22T11:34:56.942Z','corrosion',' repairs after inspection finds ',replace('\n\nCARROW BAY (Tidewater Wire) — ','\n',char(10)),75,84);
CREATE TABLE IF NOT EXISTS "note_anchors" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "note_id" INTEGER NOT NULL REFERENCES "notes"("id") ON DELETE CASCADE, "revision_id" INTEGER NOT NULL REFERENCES "revisions"("id") ON DELETE CASCADE, "status" TEXT NOT NULL CHECK ("status" IN ('exact', 'moved', 'fuzzy', 'orphaned')), "start" INTEGER, "end" INTEGER, UNIQUE ("note_id", "revision_id"));
INSERT INTO note_anchors VALUES(1,1,1,'exact',283,527);
INSERT INTO note_anchors VALUES(2,2,1,'exact',265,269);
INSERT INTO note_anchors VALUES(3,3,1,'exact',75,84);
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('documents',1);
INSERT INTO sqlite_sequence VALUES('revisions',1);
INSERT INTO sqlite_sequence VALUES('runs',1);
INSERT INTO sqlite_sequence VALUES('paragraph_scores',11);
INSERT INTO sqlite_sequence VALUES('findings',25);
INSERT INTO sqlite_sequence VALUES('reviewers',2);
INSERT INTO sqlite_sequence VALUES('notes',3);
INSERT INTO sqlite_sequence VALUES('note_anchors',3);
CREATE INDEX "revisions_on_document_id" ON "revisions"("document_id");
CREATE INDEX "findings_on_run_id" ON "findings"("run_id");
CREATE INDEX "notes_on_document_id" ON "notes"("document_id");
CREATE INDEX "note_anchors_on_revision_id" ON "note_anchors"("revision_id");
COMMIT;
"""#
}
