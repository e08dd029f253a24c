/**
 * The preference-data layouts people have besides Skywork's (RewardBench 1 and 2, TRL,
 * UltraFeedback, HH-RLHF, OpenAI DPO, HelpSteer3, Argilla, Label Studio): detection from a record's
 * fields, and the mapping of one record, as a JSON object, to the chosen and rejected conversations
 * the store keeps. Reading files is the importer's job; this package sees only records.
 */
package io.rewardlens.storage.formats;
