// SPDX-License-Identifier: GPL-3.0-or-later
package io.chai.model.workflow;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The steps a user may take on a work item; {@link AspectWork#allowedActions()} says which apply now. */
public enum Action {
    /** Step B: generate, regenerate or import the pre-caption. */
    @JsonProperty("precaption") PRECAPTION("generate a pre-caption"),
    /** Steps C+D in one: rate the pre-caption and give the critique. */
    @JsonProperty("rate_and_critique") RATE_AND_CRITIQUE("rate and critique"),
    /** Step E: take the polisher's rewrite of the critique. */
    @JsonProperty("polish_critique") POLISH_CRITIQUE("polish the critique"),
    /** Step G: edit the critique by hand. */
    @JsonProperty("edit_critique") EDIT_CRITIQUE("edit the critique"),
    /** Step F: take the reviser's post-caption. */
    @JsonProperty("revise") REVISE("revise the caption"),
    /** Step G: write or edit the post-caption by hand (flagged as a manual edit). */
    @JsonProperty("edit_caption") EDIT_CAPTION("edit the caption"),
    /** Step G: accept critique and caption and send them to review. */
    @JsonProperty("submit") SUBMIT("submit"),
    /** Take a submission back before it is reviewed. */
    @JsonProperty("withdraw") WITHDRAW("withdraw"),
    /** Step H: approve the submission. */
    @JsonProperty("approve") APPROVE("approve"),
    /** Step H: reject the submission and redo it. */
    @JsonProperty("reject") REJECT("reject"),
    /** Step I: ask for a regrade of a rejection. */
    @JsonProperty("appeal") APPEAL("appeal"),
    /** Settle an open appeal (admin). */
    @JsonProperty("rule_on_appeal") RULE_ON_APPEAL("rule on the appeal"),
    /** Re-open a reviewed item for another round (admin). */
    @JsonProperty("reopen") REOPEN("re-open");

    private final String verb;

    Action(String verb) {
        this.verb = verb;
    }

    /** Lowercase verb phrase for messages and buttons, e.g. {@code polish the critique}. */
    public String verb() {
        return verb;
    }
}
