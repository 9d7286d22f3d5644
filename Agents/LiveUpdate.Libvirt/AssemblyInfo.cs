namespace LiveUpdate.Libvirt;
