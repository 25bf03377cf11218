"""Reads shared by pages, exports and other apps, one module per subject: languages
(which page a reader sees), structure (lessons and requirements), progress, catalogue,
outline (course and lesson pages), learning (one learner's courses), practicals and
dashboard (the start page's panel). Import from the module that owns the read; this
package re-exports nothing. Each read costs a fixed number of queries whatever the
number of courses, lessons or enrolments."""
