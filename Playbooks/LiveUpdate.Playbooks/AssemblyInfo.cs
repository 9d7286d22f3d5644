namespace LiveUpdate.Playbooks;
